package io.jenkins.plugins.devsecops.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.packages.AdvisorySeverity;
import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.osv.AffectedVersions;
import io.jenkins.plugins.devsecops.packages.osv.OsvRecord;
import io.jenkins.plugins.devsecops.packages.osv.OsvRecordReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Debian's urgency and Ubuntu's priority in OSV records carried to the verdict and explained. */
class DistroStatusTest {

    @Test
    void shouldCarryTheUrgencyOfTheReleaseThatMatchesOnly() throws Exception {
        // bookworm: end-of-life for this package; bullseye: a fix; trixie: not yet assigned
        OsvRecord record = OsvRecordReader.read("""
                {"id": "DEBIAN-CVE-2024-0001", "modified": "2025-01-01T00:00:00Z",
                 "affected": [
                  {"package": {"ecosystem": "Debian:11", "name": "libfoo"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.2-3+deb11u1"}]}],
                   "ecosystem_specific": {"urgency": "low"}},
                  {"package": {"ecosystem": "Debian:12", "name": "libfoo"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}]}],
                   "ecosystem_specific": {"urgency": "end-of-life"}},
                  {"package": {"ecosystem": "Debian:13", "name": "libfoo"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}]}],
                   "ecosystem_specific": {"urgency": "not yet assigned"}}
                 ]}
                """.getBytes(StandardCharsets.UTF_8));

        AffectedVersions.Verdict bookworm = AffectedVersions.evaluate(record, Ecosystem.DEBIAN, "Debian:12"::equals,
                "libfoo", "1.2-3");
        AffectedVersions.Verdict bullseye = AffectedVersions.evaluate(record, Ecosystem.DEBIAN, "Debian:11"::equals,
                "libfoo", "1.2-3");
        AffectedVersions.Verdict fixedBullseye = AffectedVersions.evaluate(record, Ecosystem.DEBIAN,
                "Debian:11"::equals, "libfoo", "1.2-3+deb11u1");

        assertThat(bookworm.distroStatus()).isEqualTo("end-of-life");
        assertThat(bookworm.fixedVersion()).isNull();
        assertThat(bullseye.distroStatus()).isEqualTo("low");
        assertThat(bullseye.fixedVersion()).isEqualTo("1.2-3+deb11u1");
        assertThat(fixedBullseye.affected()).isFalse();
        assertThat(fixedBullseye.distroStatus()).isNull();
    }

    @Test
    void shouldSayWhetherAFixIsPlanned() {
        assertThat(DistroStatus.of(Ecosystem.DEBIAN, "end-of-life")).satisfies(s -> {
            assertThat(s.noFixPlanned()).isTrue();
            assertThat(s.label()).isEqualTo("Debian urgency: end-of-life");
            assertThat(s.explanation()).contains("no longer gives this package security support");
        });
        assertThat(DistroStatus.of(Ecosystem.DEBIAN, "unimportant").noFixPlanned()).isTrue();
        assertThat(DistroStatus.of(Ecosystem.DEBIAN, "not yet assigned").noFixPlanned()).isFalse();
        assertThat(DistroStatus.of(Ecosystem.DEBIAN, "medium").explanation()).endsWith("rates it medium");
    }

    @Test
    void shouldReadUbuntusPriorityFromTheRecordSeverityOrTheOlderEcosystemField() throws Exception {
        OsvRecord current = OsvRecordReader.read("""
                {"id": "UBUNTU-CVE-2024-0002", "modified": "2025-01-01T00:00:00Z",
                 "severity": [{"type": "Ubuntu", "score": "negligible"}],
                 "affected": [{"package": {"ecosystem": "Ubuntu:22.04:LTS", "name": "libfoo"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}]}]}]}
                """.getBytes(StandardCharsets.UTF_8));
        OsvRecord older = OsvRecordReader.read("""
                {"id": "UBUNTU-CVE-2023-0003", "modified": "2024-01-01T00:00:00Z",
                 "affected": [{"package": {"ecosystem": "Ubuntu:22.04:LTS", "name": "libfoo"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.3-1ubuntu1"}]}],
                   "ecosystem_specific": {"ubuntu_priority": "high"}}]}
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(AffectedVersions.evaluate(current, Ecosystem.UBUNTU, e -> true, "libfoo", "1.2-1").distroStatus())
                .isEqualTo("negligible");
        assertThat(AffectedVersions.evaluate(older, Ecosystem.UBUNTU, e -> true, "libfoo", "1.2-1").distroStatus())
                .isEqualTo("high");
        // Ubuntu's priority is the record's qualitative severity when no CVSS vector is given
        assertThat(AdvisorySeverity.of(List.of(current)).severity()).isEqualTo(Severity.LOW);
        assertThat(DistroStatus.of(Ecosystem.UBUNTU, "negligible")).satisfies(s -> {
            assertThat(s.label()).isEqualTo("Ubuntu priority: negligible");
            assertThat(s.noFixPlanned()).isTrue();
        });
        assertThat(DistroStatus.of(Ecosystem.UBUNTU, "high").label()).isEqualTo("Ubuntu priority: high");
        assertThat(DistroStatus.of(Ecosystem.UBUNTU, "high").noFixPlanned()).isFalse();
    }
}
