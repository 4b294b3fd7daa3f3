package io.jenkins.plugins.devsecops.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.osv.AffectedVersions;
import io.jenkins.plugins.devsecops.packages.osv.OsvRecord;
import io.jenkins.plugins.devsecops.packages.osv.OsvRecordReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Debian's urgency in OSV records (the security tracker's triage) carried to the verdict and explained. */
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
}
