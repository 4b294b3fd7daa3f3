package io.jenkins.plugins.devsecops.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.dependencies.sbom.CycloneDxReportWriter;
import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.report.ReportWriters;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole stage through the engine: a project tree with lockfiles of several ecosystems, an offline OSV export. */
class DependencyStageTest {

    @TempDir
    Path temp;

    Path project;
    Path osv;

    private void write(Path base, String path, String content) throws Exception {
        Path file = base.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void writeProject() throws Exception {
        project = temp.resolve("project");
        write(project, "web/package.json", """
                { "name": "web", "dependencies": { "lodash": "4.17.20" } }
                """);
        write(project, "web/package-lock.json", """
                {
                  "name": "web",
                  "lockfileVersion": 3,
                  "packages": {
                    "": { "name": "web", "dependencies": { "lodash": "4.17.20" } },
                    "node_modules/lodash": {
                      "version": "4.17.20",
                      "integrity": "sha512-PlhdFcillOINfeV7Ni6oF1TAEayyZBoZ8bcshTHqOYJYlrqzRK5hagpagky5o4HfCzzd1TRkXPMFq6cKk9rGmA=="
                    }
                  }
                }
                """);
        write(project, "api/requirements.txt", "Django==2.2.10\nrequests==2.31.0\n");
        write(project, "service/pom.xml", """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>service</artifactId>
                  <version>1.0.0</version>
                  <dependencies>
                    <dependency>
                      <groupId>org.apache.logging.log4j</groupId>
                      <artifactId>log4j-core</artifactId>
                      <version>2.14.1</version>
                    </dependency>
                  </dependencies>
                </project>
                """);
        write(project, "tool/go.mod", "module example.com/tool\n\ngo 1.20\n\nrequire github.com/gin-gonic/gin v1.5.0\n");
        write(project, "broken/package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {");
        write(project, "README.md", "not a lockfile");
        osv = temp.resolve("osv");
        for (var entry : OsvFixtures.all().entrySet()) {
            write(osv, entry.getKey() + ".json", entry.getValue());
        }
    }

    private Report scan(String... options) throws Exception {
        ScanRequest.Builder request = ScanRequest.builder(project).stage("dependencies").threads(2);
        for (int i = 0; i < options.length; i += 2) {
            request.option(options[i], options[i + 1]);
        }
        return new ScanEngine(new StageCatalog(List.of(new DependencyStage()))).scan(request.build(), ProgressListener.NONE);
    }

    @Test
    void shouldFindKnownVulnerableDependenciesOfEveryEcosystemOffline() throws Exception {
        // Given
        writeProject();

        // When
        Report report = scan("dependencies.osvDir", osv.toString(), "dependencies.indexDir",
                temp.resolve("index").toString(), "dependencies.maxAdvisoryAgeDays", "100000");

        // Then
        assertThat(report.findings()).extracting(f -> f.ruleId() + " " + f.location())
                .containsExactly("CVE-2020-9402 api/requirements.txt:1", "CVE-2021-44228 service/pom.xml:7",
                        "CVE-2021-23337 web/package-lock.json:6", "CVE-2020-36567 tool/go.mod:5");
        Finding lodash = report.findings().get(2);
        assertThat(lodash.severity()).isEqualTo(Severity.HIGH);
        assertThat(lodash.fixedVersion()).isEqualTo("4.17.21");
        assertThat(lodash.component().direct()).isTrue();
        StageResult stage = report.stage("dependencies").orElseThrow();
        assertThat(stage.errors()).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo("broken/package-lock.json");
            assertThat(error.message()).contains("malformed JSON");
        });
        assertThat(stage.properties()).containsEntry("source", "osv-directory").containsEntry("packages", "5")
                .containsEntry("packagesChecked", "5").containsEntry("vulnerablePackages", "4")
                .containsEntry("advisoryRecords", "6").containsEntry("advisoriesNewest", "2026-11-01T12:00:00Z")
                .containsKey("advisoryAgeDays");
        assertThat(report.components()).extracting(Component::purl).containsExactly(
                "pkg:golang/github.com/gin-gonic/gin@v1.5.0", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                "pkg:npm/lodash@4.17.20", "pkg:pypi/django@2.2.10", "pkg:pypi/requests@2.31.0");
    }

    @Test
    void shouldPublishOneComponentPerPurlMergedAcrossLockfilesInPurlOrder() throws Exception {
        // Given two lockfiles sharing packages (with different dependencies and hashes), and a module whose name
        // makes no package URL
        project = temp.resolve("project");
        String lock = """
                {
                  "name": "%s",
                  "lockfileVersion": 3,
                  "packages": {
                    "": { "name": "%s", "dependencies": { "lodash": "4.17.20", "%s": "1.0.0" } },
                    "node_modules/lodash": { "version": "4.17.20", "integrity": "%s" },
                    "node_modules/%s": { "version": "1.0.0", "dependencies": { "lodash": "4.17.20" } }
                  }
                }
                """;
        write(project, "b/package-lock.json", lock.formatted("b", "b", "zeta", "sha1-AAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "zeta"));
        write(project, "a/package-lock.json", lock.formatted("a", "a", "alpha",
                "sha512-PlhdFcillOINfeV7Ni6oF1TAEayyZBoZ8bcshTHqOYJYlrqzRK5hagpagky5o4HfCzzd1TRkXPMFq6cKk9rGmA==",
                "alpha"));
        write(project, "tool/go.mod", "module example.com/tool\n\nrequire foo/ v1.0.0\nrequire example.com/ok v1.2.0\n");

        // When
        Report report = scan();

        // Then one component per purl, in purl order, the second lockfile's facts merged into the first's
        assertThat(report.components()).extracting(Component::purl).containsExactly(
                "pkg:golang/example.com/ok@v1.2.0", "pkg:npm/alpha@1.0.0", "pkg:npm/lodash@4.17.20",
                "pkg:npm/zeta@1.0.0");
        Component lodash = report.components().get(2);
        assertThat(lodash.sourceFile()).isEqualTo("a/package-lock.json");
        assertThat(lodash.hashes()).containsOnlyKeys("SHA-1", "SHA-512");
        assertThat(lodash.direct()).isTrue();
        assertThat(report.stage("dependencies").orElseThrow().properties()).containsEntry("packages", "6")
                .containsEntry("lockfiles", "3");
    }

    @Test
    void shouldGiveTheSameFindingsAndInventoryFromManyLockfilesOnAnyNumberOfThreads() throws Exception {
        // Given a monorepo: the project's lockfiles again in 60 services, each service's package-lock naming its own
        // extra package, and a requirements file that includes another naming the same package
        writeProject();
        String servicesLock = """
                {
                  "name": "svc",
                  "lockfileVersion": 3,
                  "packages": {
                    "": { "name": "svc", "dependencies": { "lodash": "4.17.20", "pkg-%1$d": "1.0.%1$d" } },
                    "node_modules/lodash": { "version": "4.17.20" },
                    "node_modules/pkg-%1$d": { "version": "1.0.%1$d", "dependencies": { "lodash": "4.17.20" } }
                  }
                }
                """;
        for (int i = 0; i < 60; i++) {
            write(project, "services/svc-" + i + "/package-lock.json", servicesLock.formatted(i));
            write(project, "services/svc-" + i + "/requirements.txt", "Django==2.2.10\nrequests==2.31.0\n");
        }
        write(project, "twice/requirements.txt", "requests==2.31.0\n-r more.txt\n");
        write(project, "twice/more.txt", "requests==2.31.0\n");
        String[] options = {"dependencies.osvDir", osv.toString(), "dependencies.indexDir",
                temp.resolve("index").toString(), "dependencies.maxAdvisoryAgeDays", "100000"};

        // When scanned on one thread and on four
        Report one = scanOn(1, options);
        Report four = scanOn(4, options);

        // Then one finding per file, package version and advisory, and one component per purl, the same either way
        assertThat(one.findings()).hasSize(4 + 60 * 2);
        assertThat(one.findings()).filteredOn(f -> f.location().path().startsWith("services/svc-7/"))
                .extracting(f -> f.ruleId() + " " + f.location())
                .containsExactly("CVE-2020-9402 services/svc-7/requirements.txt:1",
                        "CVE-2021-23337 services/svc-7/package-lock.json:6");
        assertThat(four.findings()).isEqualTo(one.findings());
        assertThat(one.components()).hasSize(5 + 60);
        assertThat(four.components()).isEqualTo(one.components());
        assertThat(one.components()).filteredOn(c -> c.name().equals("lodash")).singleElement()
                .satisfies(c -> assertThat(c.sourceFile()).isEqualTo("services/svc-0/package-lock.json"));
        assertThat(one.stage("dependencies").orElseThrow().properties()).containsEntry("lockfiles", "126")
                .containsEntry("packages", String.valueOf(5 + 60 * 4 + 2))
                .containsEntry("vulnerablePackages", String.valueOf(4 + 60 * 2));
    }

    private Report scanOn(int threads, String... options) throws Exception {
        ScanRequest.Builder request = ScanRequest.builder(project).stage("dependencies").threads(threads);
        for (int i = 0; i < options.length; i += 2) {
            request.option(options[i], options[i + 1]);
        }
        return new ScanEngine(new StageCatalog(List.of(new DependencyStage()))).scan(request.build(), ProgressListener.NONE);
    }

    @Test
    void shouldWriteASchemaValidCycloneDx16Sbom() throws Exception {
        // Given a finished scan
        writeProject();
        Report report = scan("dependencies.osvDir", osv.toString(), "dependencies.indexDir", temp.resolve("i").toString());

        // When
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriters.builtIn().find("cyclonedx").orElseThrow().write(report, out);
        String json = out.toString(StandardCharsets.UTF_8);

        // Then
        assertThat(new JsonParser().validate(json, Version.VERSION_16)).isEmpty();
        assertThat(json).contains("\"specVersion\" : \"1.6\"", "\"purl\" : \"pkg:npm/lodash@4.17.20\"",
                "\"alg\" : \"SHA-512\"", "\"id\" : \"CVE-2021-44228\"", "\"method\" : \"CVSSv31\"",
                "\"ref\" : \"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1\"");
        var bom = new JsonParser().parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(bom.getComponents()).hasSize(5);
        assertThat(bom.getVulnerabilities()).hasSize(4);
        assertThat(bom.getDependencies().get(0).getRef()).isEqualTo("project");
        assertThat(bom.getDependencies().get(0).getDependencies()).hasSize(5);
        assertThat(new CycloneDxReportWriter().fileName()).isEqualTo("sbom.cdx.json");
    }

    @Test
    void shouldKeepTheInventoryThroughTheReportJson() throws Exception {
        writeProject();
        Report report = scan("dependencies.osvDir", osv.toString(), "dependencies.indexDir", temp.resolve("j").toString());

        Report read = new io.jenkins.plugins.devsecops.model.ReportJson().fromJson(
                new io.jenkins.plugins.devsecops.model.ReportJson().toJson(report));

        assertThat(read.components()).isEqualTo(report.components());
        assertThat(read.components()).filteredOn(c -> c.name().equals("lodash")).singleElement()
                .satisfies(c -> assertThat(c.hashes()).containsKey("SHA-512"));
    }

    @Test
    void shouldNotFollowSymbolicLinksOutOfTheScanRoot() throws Exception {
        // Given a requirements file including, through a linked directory, a file outside the root
        writeProject();
        Path outside = temp.resolve("outside");
        write(outside, "secret-reqs.txt", "Django==2.2.10\n");
        Files.createSymbolicLink(project.resolve("linked"), outside);
        write(project, "py/requirements.txt", "-r ../linked/secret-reqs.txt\n");

        Report report = scan("dependencies.osvDir", osv.toString(), "dependencies.indexDir", temp.resolve("k").toString());

        assertThat(report.components()).noneMatch(c -> "linked/secret-reqs.txt".equals(c.sourceFile()));
        assertThat(report.findings()).noneMatch(f -> f.location().path().startsWith("linked"));
    }

    @Test
    void shouldNeverReportZeroVulnerabilitiesSilently() throws Exception {
        // Given the same project without any configured source, and with a missing one
        writeProject();

        Report unconfigured = scan();
        Report missing = scan("dependencies.osvZip", temp.resolve("nowhere.zip").toString());
        Report unreachable = scan("dependencies.osvUrl", "http://127.0.0.1:9", "dependencies.osvRetries", "0",
                "dependencies.osvTimeoutSeconds", "2");

        // Then
        StageResult none = unconfigured.stage("dependencies").orElseThrow();
        assertThat(none.warnings()).anyMatch(w -> w.contains("NOT checked"));
        assertThat(none.properties()).containsEntry("source", "none");
        assertThat(unconfigured.components()).hasSize(5);
        assertThat(missing.stage("dependencies").orElseThrow().errors())
                .anyMatch(e -> e.message().contains("does not exist") && e.message().contains("NOT checked"));
        assertThat(unreachable.stage("dependencies").orElseThrow().errors())
                .anyMatch(e -> e.message().contains("NOT checked"));
        assertThat(unconfigured.findings()).isEmpty();
    }

    @Test
    void shouldWarnOrFailOnStaleAdvisoryData() throws Exception {
        writeProject();

        Report warned = scan("dependencies.osvDir", osv.toString(), "dependencies.indexDir", temp.resolve("a").toString(),
                "dependencies.maxAdvisoryAgeDays", "0");
        Report failed = scan("dependencies.osvDir", osv.toString(), "dependencies.indexDir", temp.resolve("b").toString(),
                "dependencies.maxAdvisoryAgeDays", "0", "dependencies.stalePolicy", "fail");

        assertThat(warned.stage("dependencies").orElseThrow().warnings()).anyMatch(w -> w.contains("stale"));
        assertThat(failed.stage("dependencies").orElseThrow().errors()).anyMatch(e -> e.message().contains("stale"));
        assertThat(failed.findings()).hasSize(4);
    }
}
