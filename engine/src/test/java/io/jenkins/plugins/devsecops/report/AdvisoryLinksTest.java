package io.jenkins.plugins.devsecops.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdvisoryLinksTest {

    @Test
    void shouldLinkWellFormedIdsToTheirPublicPage() {
        assertThat(AdvisoryLinks.pageOf("CWE-798")).hasValue("https://cwe.mitre.org/data/definitions/798.html");
        assertThat(AdvisoryLinks.pageOf("cwe-0079")).hasValue("https://cwe.mitre.org/data/definitions/79.html");
        assertThat(AdvisoryLinks.pageOf("CVE-2021-44228")).hasValue("https://nvd.nist.gov/vuln/detail/CVE-2021-44228");
        assertThat(AdvisoryLinks.pageOf("GHSA-JFH8-C2JP-5V3Q"))
                .hasValue("https://github.com/advisories/GHSA-jfh8-c2jp-5v3q");
        assertThat(AdvisoryLinks.pageOf("PYSEC-2021-19")).hasValue("https://osv.dev/vulnerability/PYSEC-2021-19");
        assertThat(AdvisoryLinks.pageOf("GO-2022-0969")).hasValue("https://osv.dev/vulnerability/GO-2022-0969");
    }

    @Test
    void shouldGiveNoLinkToAnythingElse() {
        assertThat(AdvisoryLinks.pageOf("CVE-2021-44228)[x](javascript:alert(1)")).isEmpty();
        assertThat(AdvisoryLinks.pageOf("CWE-79\" onmouseover=\"x")).isEmpty();
        assertThat(AdvisoryLinks.pageOf("GHSA-aaaa-bbbb-cccc")).as("GHSA alphabet excludes a, b").isEmpty();
        assertThat(AdvisoryLinks.pageOf("aws-access-key-id")).isEmpty();
        assertThat(AdvisoryLinks.pageOf(null)).isEmpty();
        assertThat(AdvisoryLinks.cweNumber("CWE-")).isEmpty();
    }
}
