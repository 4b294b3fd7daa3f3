package io.jenkins.plugins.devsecops.packages.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The distribution orderings against the distributions' own tools: 745 pairs of real Debian versions (a
 * debootstrapped Debian 12's packages and edge cases) as {@code dpkg --compare-versions} orders them, and 780 pairs
 * of RHEL-style EVRs as rpm 4.18's {@code rpm.vercmp} orders them, both recorded into the tables by running those
 * tools. apk is not packaged for Debian: its table is written from apk's rules, and the ordering was checked against
 * apk-tools' own test table (bench/images/apk-version-check.sh).
 */
class DistroOrderingTablesTest {

    private static List<String[]> table(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = DistroOrderingTablesTest.class.getResourceAsStream(name)) {
            for (String line : new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        }
        return rows;
    }

    private static List<String> mismatches(VersionOrdering ordering, List<String[]> rows) {
        List<String> wrong = new ArrayList<>();
        for (String[] row : rows) {
            int expected = Integer.parseInt(row[2]);
            int actual = Integer.signum(ordering.compare(row[0], row[1]));
            int reverse = Integer.signum(ordering.compare(row[1], row[0]));
            if (actual != expected || reverse != -expected) {
                wrong.add(row[0] + " vs " + row[1] + ": expected " + expected + ", was " + actual);
            }
        }
        return wrong;
    }

    @Test
    void shouldOrderDebianVersionsAsDpkgDoes() throws IOException {
        List<String[]> rows = table("dpkg-compare-versions.tsv");

        assertThat(rows).hasSizeGreaterThan(700);
        assertThat(mismatches(VersionOrderings.of(Ecosystem.DEBIAN), rows)).isEmpty();
        assertThat(VersionOrderings.of(Ecosystem.UBUNTU)).isSameAs(VersionOrderings.of(Ecosystem.DEBIAN));
    }

    @Test
    void shouldOrderRpmVersionsAsRpmDoes() throws IOException {
        List<String[]> rows = table("rpm-vercmp.tsv");

        assertThat(rows).hasSizeGreaterThan(700);
        assertThat(mismatches(VersionOrderings.of(Ecosystem.ROCKY), rows)).isEmpty();
    }

    @Test
    void shouldOrderAlpineVersionsByApksRules() throws IOException {
        List<String[]> rows = table("apk-version-rules.tsv");

        assertThat(rows).hasSizeGreaterThan(40);
        assertThat(mismatches(VersionOrderings.of(Ecosystem.ALPINE), rows)).isEmpty();
        assertThat(VersionOrderings.of(Ecosystem.WOLFI)).isSameAs(VersionOrderings.of(Ecosystem.ALPINE));
    }

    @Test
    void shouldSortARealAlpineVersionLadder() {
        VersionOrdering apk = VersionOrderings.of(Ecosystem.ALPINE);
        String[] ascending = {"1.0_alpha", "1.0_beta2", "1.0_pre1", "1.0_rc1", "1.0", "1.0-r1", "1.0-r10", "1.0_cvs",
            "1.0_git20200101", "1.0_p1", "1.0_p2", "1.0a", "1.0.1", "1.01.0", "1.1", "1.2_rc1", "1.2",
            "1.10", "3.1.3-r0", "3.1.4-r0", "6.4_p20230401-r0", "6.4_p20230506-r0", "20220614-r0", "20230311-r0"};
        for (int i = 0; i < ascending.length; i++) {
            for (int j = 0; j < ascending.length; j++) {
                assertThat(Integer.signum(apk.compare(ascending[i], ascending[j])))
                        .as("%s vs %s", ascending[i], ascending[j]).isEqualTo(Integer.compare(i, j));
            }
        }
    }

    @Test
    void shouldTellValidAlpineVersionsAsApkDoes() {
        VersionOrdering apk = VersionOrderings.of(Ecosystem.ALPINE);
        for (String valid : List.of("1.2", "0.1_pre2~1234abcd", "0.1_p1_pre2", "0.1_git20240101_pre1", "3.1.4-r0",
                "1.0a_rc1-r3")) {
            assertThat(apk.isValid(valid)).as(valid).isTrue();
        }
        for (String invalid : List.of("", "not a version", "0.1bc", "0.1a1", "0.1a.1", "0.1_pre2~", "0.1_pre2~12x",
                "0.1_foobar", "0.1-r", "0.1-r2_pre1", "0.1-r2-r3", ".1", "_pre1", "-r1", "0.1_", "0.1__alpha")) {
            assertThat(apk.isValid(invalid)).as(invalid).isFalse();
        }
        assertThatThrownBy(() -> apk.compare("not a version", "1.0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectWhatIsNoVersionOfTheScheme() {
        assertThat(VersionOrderings.of(Ecosystem.DEBIAN).isValid("a1.0")).isFalse();
        assertThat(VersionOrderings.of(Ecosystem.DEBIAN).isValid("1.0 1")).isFalse();
        assertThat(VersionOrderings.of(Ecosystem.RED_HAT).isValid("x:1.0")).isFalse();
        assertThat(VersionOrderings.of(Ecosystem.RED_HAT).isValid("1.0-1.el9")).isTrue();
    }
}
