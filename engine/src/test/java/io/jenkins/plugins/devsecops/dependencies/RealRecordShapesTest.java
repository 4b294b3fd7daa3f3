package io.jenkins.plugins.devsecops.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Advisories shaped like the real GitHub, RustSec and osv.dev records the stage was tried on (see "Tried on real
 * data" in docs/stages/dependencies.md), in npm, Packagist, NuGet, RubyGems and crates.io lockfiles of the real tools'
 * formats: one vulnerability split over several {@code affected} entries of the same package, empty {@code aliases}
 * and {@code severity} arrays, RustSec's {@code 0.0.0-0} introductions, a Gemfile.lock platform suffix, a yarn.lock
 * entry that also names a git URL. The records, packages and ids are made up for the test; offline and through a
 * loopback OSV API the findings must be the same.
 */
class RealRecordShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    Path project;
    Path osv;
    HttpServer server;
    final List<String> requests = new ArrayList<>();

    private static final Map<String, String> RECORDS = new LinkedHashMap<>();

    static {
        // npm: one CVE, two affected entries for the same package, CVSS v3.1 5.6 (GitHub's "MODERATE")
        RECORDS.put("GHSA-t3st-mmm1-0001", """
                {"schema_version": "1.4.0", "id": "GHSA-t3st-mmm1-0001", "modified": "2022-04-26T21:01:40Z",
                 "published": "2020-04-03T21:48:32Z", "aliases": ["CVE-2099-1001"], "summary": "Prototype pollution",
                 "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L"}],
                 "affected": [
                   {"package": {"ecosystem": "npm", "name": "minimal-args"},
                    "ecosystem_specific": {"affected_functions": ["(minimal-args)"]},
                    "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "0.2.1"}]}]},
                   {"package": {"ecosystem": "npm", "name": "minimal-args"},
                    "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "1.0.0"}, {"fixed": "1.2.3"}]}]}],
                 "database_specific": {"cwe_ids": ["CWE-1321"], "severity": "MODERATE", "github_reviewed": true}}
                """);
        // npm: the same package, entries in the other order, a later fix on the 0.x line, CVSS 9.8
        RECORDS.put("GHSA-t3st-mmm1-0002", """
                {"schema_version": "1.4.0", "id": "GHSA-t3st-mmm1-0002", "modified": "2023-02-27T14:47:14Z",
                 "published": "2022-03-18T00:01:09Z", "aliases": ["CVE-2099-1002"],
                 "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
                 "affected": [
                   {"package": {"ecosystem": "npm", "name": "minimal-args"},
                    "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "1.0.0"}, {"fixed": "1.2.6"}]}]},
                   {"package": {"ecosystem": "npm", "name": "minimal-args"},
                    "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "0.2.4"}]}]}],
                 "database_specific": {"cwe_ids": ["CWE-1321"], "severity": "CRITICAL"}}
                """);
        // npm: an entry-level database_specific beside the range, availability-only vector (7.5)
        RECORDS.put("GHSA-t3st-mmm1-0003", """
                {"id": "GHSA-t3st-mmm1-0003", "modified": "2022-03-02T12:23:56Z", "aliases": ["CVE-2099-1003"],
                 "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"}],
                 "affected": [{"package": {"ecosystem": "npm", "name": "ansi-colours"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "0.0.9"}]}],
                   "database_specific": {"last_known_affected_version_range": "<= 0.0.7"}}],
                 "database_specific": {"cwe_ids": ["CWE-400"], "severity": "HIGH"}}
                """);
        // Packagist: two release lines
        RECORDS.put("GHSA-t3st-mmm1-0004", """
                {"id": "GHSA-t3st-mmm1-0004", "modified": "2021-09-21T14:55:38Z", "aliases": ["CVE-2099-1004"],
                 "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
                 "affected": [
                   {"package": {"ecosystem": "Packagist", "name": "acme/filesystem"},
                    "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.1.4"}]}]},
                   {"package": {"ecosystem": "Packagist", "name": "acme/filesystem"},
                    "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "2.0.0"}, {"fixed": "2.1.1"}]}]}],
                 "database_specific": {"cwe_ids": ["CWE-367"], "severity": "CRITICAL"}}
                """);
        // NuGet: empty aliases and severity arrays, only GitHub's qualitative severity
        RECORDS.put("GHSA-t3st-mmm1-0005", """
                {"schema_version": "1.2.0", "id": "GHSA-t3st-mmm1-0005", "modified": "2022-07-12T03:46:43Z",
                 "aliases": [

                 ], "severity": [

                 ],
                 "affected": [{"package": {"ecosystem": "NuGet", "name": "Acme.Json"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "13.0.1"}]}]}],
                 "database_specific": {"cwe_ids": ["CWE-755"], "severity": "LOW"}}
                """);
        // RubyGems: two advisories of one gem, one with a vector, one with only "MODERATE"
        RECORDS.put("GHSA-t3st-mmm1-0006", """
                {"id": "GHSA-t3st-mmm1-0006", "modified": "2022-05-18T20:06:48Z", "aliases": [],
                 "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:H"}],
                 "affected": [{"package": {"ecosystem": "RubyGems", "name": "xmlkit"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.13.5"}]}]}],
                 "database_specific": {"cwe_ids": ["CWE-190"], "severity": "HIGH"}}
                """);
        RECORDS.put("GHSA-t3st-mmm1-0007", """
                {"id": "GHSA-t3st-mmm1-0007", "modified": "2022-10-18T18:13:48Z", "aliases": [], "severity": [],
                 "affected": [{"package": {"ecosystem": "RubyGems", "name": "xmlkit"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.13.9"}]}]}],
                 "database_specific": {"cwe_ids": [], "severity": "MODERATE"}}
                """);
        // crates.io: RustSec records with SEMVER ranges over two lines, and 0.0.0-0 introductions
        RECORDS.put("RUSTSEC-2099-0008", """
                {"id": "RUSTSEC-2099-0008", "modified": "2023-06-13T13:10:24Z", "published": "2021-01-08T12:00:00Z",
                 "aliases": ["CVE-2099-1008", "GHSA-t3st-mmm1-0008"],
                 "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
                 "affected": [{"package": {"ecosystem": "crates.io", "name": "smallbuf", "purl": "pkg:cargo/smallbuf"},
                   "ranges": [{"type": "SEMVER", "events": [{"introduced": "0.6.3"}, {"fixed": "0.6.14"},
                                                            {"introduced": "1.0.0"}, {"fixed": "1.6.1"}]}],
                   "ecosystem_specific": {"affects": {"functions": ["smallbuf::SmallBuf::insert_many"]}}}],
                 "database_specific": {"license": "CC0-1.0"}}
                """);
        RECORDS.put("RUSTSEC-2099-0009", """
                {"id": "RUSTSEC-2099-0009", "modified": "2023-06-13T13:10:24Z", "aliases": ["CVE-2099-1009"],
                 "affected": [{"package": {"ecosystem": "crates.io", "name": "smallbuf"},
                   "ranges": [{"type": "SEMVER", "events": [{"introduced": "0.6.3"}, {"fixed": "0.6.10"}]}]}]}
                """);
        RECORDS.put("RUSTSEC-2099-0010", """
                {"id": "RUSTSEC-2099-0010", "modified": "2024-02-10T17:12:45Z", "aliases": [],
                 "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:L/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H"}],
                 "affected": [{"package": {"ecosystem": "crates.io", "name": "timekeeper"},
                   "ranges": [{"type": "SEMVER", "events": [{"introduced": "0.0.0-0"}, {"fixed": "0.2.0"},
                     {"introduced": "0.2.1-0"}, {"fixed": "0.2.1"}, {"introduced": "0.2.7-0"}, {"fixed": "0.2.23"}]}]}]}
                """);
    }

    @BeforeEach
    void writeProjectAndRecords() throws Exception {
        project = temp.resolve("project");
        osv = temp.resolve("osv");
        for (Map.Entry<String, String> record : RECORDS.entrySet()) {
            write(osv, record.getKey() + ".json", record.getValue());
        }
        write(project, "web/package-lock.json", """
                {
                  "lockfileVersion": 1,
                  "requires": true,
                  "dependencies": {
                    "ansi-colours": {
                      "version": "0.0.1",
                      "resolved": "https://registry.npmjs.org/ansi-colours/-/ansi-colours-0.0.1.tgz"
                    }
                  }
                }
                """);
        write(project, "web/yarn.lock", """
                # THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
                # yarn lockfile v1


                minimal-args@0.0.8, "minimal-args@ssh://github.com/example/minimal-args.git#0.0.8":
                  version "0.0.8"
                  resolved "https://registry.yarnpkg.com/minimal-args/-/minimal-args-0.0.8.tgz#857fcabfc3397d2625b8228262e86aa7a011b05d"
                """);
        write(project, "php/composer.lock", """
                {
                    "_readme": ["This file locks the dependencies of your project to a known state"],
                    "content-hash": "3f9e2b1c",
                    "packages": [
                        {
                            "name": "acme/filesystem",
                            "version": "1.0.8",
                            "type": "library"
                        }
                    ],
                    "packages-dev": []
                }
                """);
        write(project, "dotnet/packages.lock.json", """
                {
                  "version": 1,
                  "dependencies": {
                    "net8.0": {
                      "Acme.Json": {
                        "type": "Direct",
                        "requested": "[12.0.1, )",
                        "resolved": "12.0.1",
                        "contentHash": "pBR3wCgYWZGiaZDYP+HHYnalVnPJlpP1q55qvVb+adrDHmFMF6O+ymeQ6tGAqOgKXdyQ8aV1sMT1mGmzUbz5jQ=="
                      }
                    }
                  }
                }
                """);
        write(project, "ruby/Gemfile.lock", """
                GEM
                  remote: https://rubygems.org/
                  specs:
                    racc (1.6.0)
                    xmlkit (1.13.3-x86_64-linux)
                      racc (~> 1.4)

                PLATFORMS
                  x86_64-linux

                DEPENDENCIES
                  xmlkit

                BUNDLED WITH
                   2.3.7
                """);
        write(project, "rust/Cargo.lock", """
                # This file is automatically @generated by Cargo.
                # It is not intended for manual editing.
                version = 3

                [[package]]
                name = "app"
                version = "0.1.0"
                dependencies = [
                 "smallbuf",
                 "timekeeper",
                ]

                [[package]]
                name = "smallbuf"
                version = "0.6.13"
                source = "registry+https://github.com/rust-lang/crates.io-index"
                checksum = "f7b0758c52e15a8b5e3691eae6cc559f08eee9406e548a4477ba4e67770a82b6"

                [[package]]
                name = "timekeeper"
                version = "0.1.45"
                source = "registry+https://github.com/rust-lang/crates.io-index"
                checksum = "1b797afad3f312d1c66a56d11d0316f916356d11bd158fbc6ca6389ff6bf805a"
                """);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void write(Path base, String path, String content) throws IOException {
        Path file = base.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private Report scan(String... options) throws Exception {
        ScanRequest.Builder request = ScanRequest.builder(project).stage("dependencies").threads(2);
        for (int i = 0; i < options.length; i += 2) {
            request.option(options[i], options[i + 1]);
        }
        request.option("dependencies.maxAdvisoryAgeDays", "100000");
        return new ScanEngine(new StageCatalog(List.of(new DependencyStage()))).scan(request.build(), ProgressListener.NONE);
    }

    /** A finding as one comparable line: rule, location, package, fixed version, severity and its source, ids. */
    private static String summary(Finding finding) {
        return finding.ruleId() + " " + finding.location() + " " + finding.component().purl() + " fixed "
                + finding.fixedVersion() + " " + finding.severity() + "/" + finding.properties().get("severitySource")
                + " " + finding.identifiers();
    }

    private static final List<String> EXPECTED = List.of(
            "CVE-2099-1001 web/yarn.lock:5 pkg:npm/minimal-args@0.0.8 fixed 0.2.1 MEDIUM/cvss-v3 "
                    + "[CVE-2099-1001, GHSA-t3st-mmm1-0001]",
            "CVE-2099-1002 web/yarn.lock:5 pkg:npm/minimal-args@0.0.8 fixed 0.2.4 CRITICAL/cvss-v3 "
                    + "[CVE-2099-1002, GHSA-t3st-mmm1-0002]",
            "CVE-2099-1003 web/package-lock.json:5 pkg:npm/ansi-colours@0.0.1 fixed 0.0.9 HIGH/cvss-v3 "
                    + "[CVE-2099-1003, GHSA-t3st-mmm1-0003]",
            "CVE-2099-1004 php/composer.lock:5 pkg:composer/acme/filesystem@1.0.8 fixed 1.1.4 CRITICAL/cvss-v3 "
                    + "[CVE-2099-1004, GHSA-t3st-mmm1-0004]",
            "GHSA-t3st-mmm1-0005 dotnet/packages.lock.json:5 pkg:nuget/Acme.Json@12.0.1 fixed 13.0.1 LOW/database "
                    + "[GHSA-t3st-mmm1-0005]",
            "GHSA-t3st-mmm1-0006 ruby/Gemfile.lock:5 pkg:gem/xmlkit@1.13.3 fixed 1.13.5 HIGH/cvss-v3 "
                    + "[GHSA-t3st-mmm1-0006]",
            "GHSA-t3st-mmm1-0007 ruby/Gemfile.lock:5 pkg:gem/xmlkit@1.13.3 fixed 1.13.9 MEDIUM/database "
                    + "[GHSA-t3st-mmm1-0007]",
            "CVE-2099-1008 rust/Cargo.lock:13 pkg:cargo/smallbuf@0.6.13 fixed 0.6.14 CRITICAL/cvss-v3 "
                    + "[CVE-2099-1008, GHSA-t3st-mmm1-0008, RUSTSEC-2099-0008]",
            "RUSTSEC-2099-0010 rust/Cargo.lock:19 pkg:cargo/timekeeper@0.1.45 fixed 0.2.0 MEDIUM/cvss-v3 "
                    + "[RUSTSEC-2099-0010]");

    @Test
    void shouldFindTheAdvisoriesOfEveryEcosystemOffline() throws Exception {
        // When
        Report report = scan("dependencies.osvDir", osv.toString(), "dependencies.indexDir", temp.resolve("index").toString());

        // Then
        assertThat(report.findings()).extracting(RealRecordShapesTest::summary).containsExactlyInAnyOrderElementsOf(EXPECTED);
        assertThat(report.stage("dependencies").orElseThrow().properties()).containsEntry("advisoryRecords", "10")
                .containsEntry("packages", "8").containsEntry("packagesChecked", "8")
                .containsEntry("vulnerablePackages", "7");
    }

    @Test
    void shouldFindTheSameThroughALoopbackOsvApi() throws Exception {
        // Given an OSV API that names every advisory of a package, whatever the version, so the stage must
        // evaluate the ranges itself
        startServer();

        // When
        Report report = scan("dependencies.osvUrl", "http://127.0.0.1:" + server.getAddress().getPort(),
                "dependencies.osvRetries", "0");

        // Then
        assertThat(report.findings()).extracting(RealRecordShapesTest::summary).containsExactlyInAnyOrderElementsOf(EXPECTED);
        assertThat(requests).first().isEqualTo("POST /v1/querybatch");
        assertThat(requests).filteredOn(r -> r.startsWith("GET")).hasSize(RECORDS.size());
        assertThat(report.stage("dependencies").orElseThrow().properties()).containsEntry("source", "osv-api")
                .containsEntry("packagesChecked", "8");
    }

    private void startServer() throws IOException {
        Map<String, List<String>> byPackage = new LinkedHashMap<>();
        for (Map.Entry<String, String> record : RECORDS.entrySet()) {
            for (JsonNode affected : JSON.readTree(record.getValue()).path("affected")) {
                String key = affected.path("package").path("ecosystem").asText() + "/"
                        + affected.path("package").path("name").asText();
                List<String> ids = byPackage.computeIfAbsent(key, k -> new ArrayList<>());
                if (!ids.contains(record.getKey())) {
                    ids.add(record.getKey());
                }
            }
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/querybatch", exchange -> {
            requests.add("POST /v1/querybatch");
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            StringBuilder results = new StringBuilder("{\"results\": [");
            for (int i = 0; i < body.path("queries").size(); i++) {
                JsonNode pkg = body.path("queries").get(i).path("package");
                List<String> ids = byPackage.getOrDefault(pkg.path("ecosystem").asText() + "/"
                        + pkg.path("name").asText(), List.of());
                results.append(i == 0 ? "{" : ",{");
                if (!ids.isEmpty()) {
                    results.append("\"vulns\": [");
                    for (int j = 0; j < ids.size(); j++) {
                        String modified = JSON.readTree(RECORDS.get(ids.get(j))).path("modified").asText();
                        results.append(j == 0 ? "" : ",").append("{\"id\": \"").append(ids.get(j))
                                .append("\", \"modified\": \"").append(modified).append("\"}");
                    }
                    results.append("]");
                }
                results.append("}");
            }
            respond(exchange, 200, results.append("]}").toString());
        });
        server.createContext("/v1/vulns/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/v1/vulns/".length());
            requests.add("GET " + id);
            String record = RECORDS.get(id);
            respond(exchange, record == null ? 404 : 200, record == null ? "{\"code\": 5}" : record);
        });
        server.start();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
