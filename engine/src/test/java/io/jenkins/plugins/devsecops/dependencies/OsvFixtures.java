package io.jenkins.plugins.devsecops.dependencies;

import io.jenkins.plugins.devsecops.packages.osv.OsvRecord;
import io.jenkins.plugins.devsecops.packages.osv.OsvRecordReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** OSV records written for the tests in the real schema, modelled on published advisories. */
public final class OsvFixtures {

    public static final String LOG4SHELL = """
            {
              "schema_version": "1.4.0",
              "id": "GHSA-jfh8-c2jp-5v3q",
              "modified": "2026-11-01T12:00:00Z",
              "published": "2021-12-10T00:40:56Z",
              "aliases": ["CVE-2021-44228"],
              "summary": "Remote code injection in Log4j",
              "details": "Apache Log4j2 JNDI features do not protect against attacker controlled LDAP endpoints.",
              "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}],
              "affected": [{
                "package": {"ecosystem": "Maven", "name": "org.apache.logging.log4j:log4j-core"},
                "ranges": [{"type": "ECOSYSTEM", "events": [
                  {"introduced": "2.13.0"}, {"fixed": "2.15.0"},
                  {"introduced": "2.0-beta9"}, {"fixed": "2.3.1"},
                  {"introduced": "2.4"}, {"fixed": "2.12.2"}]}]
              }],
              "references": [{"type": "WEB", "url": "https://logging.apache.org/log4j/2.x/security.html"},
                             {"type": "ADVISORY", "url": "https://nvd.nist.gov/vuln/detail/CVE-2021-44228"}],
              "database_specific": {"cwe_ids": ["CWE-20", "CWE-400", "CWE-502", "CWE-917"], "severity": "CRITICAL",
                                    "github_reviewed": true}
            }
            """;

    public static final String LODASH = """
            {
              "id": "GHSA-35jh-r3h4-6jhm",
              "modified": "2026-11-01T12:00:00Z",
              "aliases": ["CVE-2021-23337"],
              "summary": "Command Injection in lodash",
              "details": "lodash versions prior to 4.17.21 are vulnerable to Command Injection via the template function.",
              "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H"}],
              "affected": [{
                "package": {"ecosystem": "npm", "name": "lodash"},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "4.17.21"}]}]
              }],
              "database_specific": {"cwe_ids": ["CWE-77", "CWE-94"], "severity": "HIGH"}
            }
            """;

    public static final String DJANGO_PYSEC = """
            {
              "id": "PYSEC-2020-35",
              "modified": "2026-10-30T08:00:00Z",
              "aliases": ["CVE-2020-9402", "GHSA-3gh2-xw74-jmcw"],
              "details": "Django 1.11 before 1.11.29, 2.2 before 2.2.11, and 3.0 before 3.0.4 allows SQL Injection.",
              "affected": [{
                "package": {"ecosystem": "PyPI", "name": "django", "purl": "pkg:pypi/django"},
                "ranges": [{"type": "ECOSYSTEM", "events": [
                  {"introduced": "1.11"}, {"fixed": "1.11.29"}, {"introduced": "2.2"}, {"fixed": "2.2.11"},
                  {"introduced": "3.0"}, {"fixed": "3.0.4"}]}],
                "versions": ["2.2", "2.2.1", "2.2.10", "3.0", "3.0.3"]
              }]
            }
            """;

    public static final String DJANGO_GHSA = """
            {
              "id": "GHSA-3gh2-xw74-jmcw",
              "modified": "2026-10-31T08:00:00Z",
              "aliases": ["CVE-2020-9402"],
              "summary": "SQL Injection in Django",
              "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
              "affected": [{
                "package": {"ecosystem": "PyPI", "name": "Django"},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "2.2"}, {"fixed": "2.2.11"}]}]
              }],
              "database_specific": {"cwe_ids": ["CWE-89"], "severity": "HIGH"}
            }
            """;

    public static final String GIN = """
            {
              "id": "GO-2020-0001",
              "modified": "2026-09-01T00:00:00Z",
              "aliases": ["CVE-2020-36567", "GHSA-6vm3-jj99-7229"],
              "summary": "Arbitrary log line injection in github.com/gin-gonic/gin",
              "affected": [{
                "package": {"ecosystem": "Go", "name": "github.com/gin-gonic/gin"},
                "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.6.0"}]}]
              }]
            }
            """;

    public static final String WITHDRAWN = """
            {
              "id": "GHSA-withdrawn-0000-0000",
              "modified": "2026-09-01T00:00:00Z",
              "withdrawn": "2026-09-02T00:00:00Z",
              "affected": [{
                "package": {"ecosystem": "npm", "name": "lodash"},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}]}]
              }]
            }
            """;

    /** A crates.io advisory scored with CVSS v4 only, fixed in two branches. */
    public static final String SMALLVEC = """
            {
              "id": "RUSTSEC-2021-0003",
              "modified": "2026-09-01T00:00:00Z",
              "aliases": ["CVE-2021-25900"],
              "summary": "Buffer overflow in SmallVec::insert_many",
              "severity": [{"type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}],
              "affected": [{
                "package": {"ecosystem": "crates.io", "name": "smallvec"},
                "ranges": [{"type": "SEMVER", "events": [
                  {"introduced": "0.6.3"}, {"fixed": "0.6.14"}, {"introduced": "1.0.0"}, {"fixed": "1.6.1"}]}]
              }]
            }
            """;

    private OsvFixtures() {
    }

    /** Every fixture by id. */
    public static Map<String, String> all() {
        return Map.of("GHSA-jfh8-c2jp-5v3q", LOG4SHELL, "GHSA-35jh-r3h4-6jhm", LODASH, "PYSEC-2020-35", DJANGO_PYSEC,
                "GHSA-3gh2-xw74-jmcw", DJANGO_GHSA, "GO-2020-0001", GIN, "GHSA-withdrawn-0000-0000", WITHDRAWN,
                "RUSTSEC-2021-0003", SMALLVEC);
    }

    public static OsvRecord record(String json) {
        try {
            return OsvRecordReader.read(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
