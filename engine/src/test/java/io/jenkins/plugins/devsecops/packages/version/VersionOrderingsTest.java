package io.jenkins.plugins.devsecops.packages.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionOrderingsTest {

    /** Asserts that shuffling then sorting {@code ascending} gives it back. */
    private static void assertOrder(VersionOrdering ordering, String... ascending) {
        List<String> shuffled = new ArrayList<>(List.of(ascending));
        Collections.reverse(shuffled);
        shuffled.sort(ordering::compare);
        assertThat(shuffled).containsExactly(ascending);
        for (int i = 0; i + 1 < ascending.length; i++) {
            assertThat(ordering.compare(ascending[i], ascending[i + 1])).as(ascending[i] + " < " + ascending[i + 1])
                    .isNegative();
        }
    }

    @Test
    void shouldOrderNpmSemverWithPrereleasesAsTheSpecDoes() {
        // Given the precedence example of semver.org 2.0.0 section 11, and build metadata that does not count
        VersionOrdering npm = VersionOrderings.of(Ecosystem.NPM);

        // Then
        assertOrder(npm, "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "1.10.0", "4.17.20", "4.17.21");
        assertThat(npm.compare("1.0.0+build.5", "1.0.0")).isZero();
        assertThat(npm.isValid("not-a-version")).isFalse();
    }

    @Test
    void shouldOrderGoVersionsWithPseudoVersionsAndIncompatible() {
        // Given Go module versions: a pseudo-version sorts before the release it precedes
        VersionOrdering go = VersionOrderings.of(Ecosystem.GO);

        // Then
        assertOrder(go, "v0.0.0-20191109021931-daa7c04131f5", "v0.0.0-20210226172049-e18ecbb05110", "v0.1.0",
                "v1.2.3-pre", "v1.2.3", "v1.2.4-0.20200101000000-abcdefabcdef", "v1.2.4");
        assertThat(go.compare("v2.0.0+incompatible", "v2.0.0")).isZero();
        assertThat(go.compare("v1.2.3", "1.2.3")).as("OSV writes Go versions without the v").isZero();
    }

    @Test
    void shouldOrderMavenVersionsAsMavenDoes() {
        // Given Maven qualifiers: alpha < beta < milestone < rc < snapshot < release < sp
        VersionOrdering maven = VersionOrderings.of(Ecosystem.MAVEN);

        // Then
        assertOrder(maven, "1.0-alpha-1", "1.0-beta-1", "1.0-M1", "1.0-RC1", "1.0-SNAPSHOT", "1.0", "1.0-sp1",
                "1.0.1", "2.14.1", "2.15.0", "2.17.1");
        assertThat(maven.compare("1.0", "1.0.0")).isZero();
        assertThat(maven.compare("1.0.Final", "1.0")).as("'final' is the release").isZero();
    }

    @Test
    void shouldOrderPythonVersionsPerPep440() {
        // Given the ordering examples of PEP 440 (dev < a < b < rc < release < post; epochs win)
        VersionOrdering pypi = VersionOrderings.of(Ecosystem.PYPI);

        // Then
        assertOrder(pypi, "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2",
                "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7",
                "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.1.dev1", "2.0", "1!0.5");
        assertThat(pypi.compare("1.0", "1.0.0")).isZero();
        assertThat(pypi.compare("1.0alpha1", "1.0a1")).as("alternative spelling").isZero();
        assertThat(pypi.compare("1.0-1", "1.0.post1")).as("implicit post release").isZero();
        assertThat(pypi.isValid("1.0-garbage!")).isFalse();
    }

    @Test
    void shouldOrderRubyGemsWithPrereleaseLetters() {
        // Given Gem::Version: letters make a prerelease, 1.0 == 1
        VersionOrdering gems = VersionOrderings.of(Ecosystem.RUBYGEMS);

        // Then
        assertOrder(gems, "1.0.0.a", "1.0.0.b1", "1.0.0.rc1", "1.0.0", "1.0.1", "1.10", "6.0.3.7", "6.1.0");
        assertThat(gems.compare("1.0", "1")).isZero();
        assertThat(gems.compare("1.0.0-rc1", "1.0.0.pre.rc1")).isZero();
    }

    @Test
    void shouldOrderNuGetVersionsWithFourPartsAndCaseInsensitivePrereleases() {
        VersionOrdering nuget = VersionOrderings.of(Ecosystem.NUGET);

        assertOrder(nuget, "1.0.0-alpha", "1.0.0-Beta", "1.0.0-rc.1", "1.0.0", "1.0.0.1", "1.0.1", "13.0.1");
        assertThat(nuget.compare("1.0.0-BETA", "1.0.0-beta")).isZero();
        assertThat(nuget.compare("1.0", "1.0.0.0")).isZero();
    }

    @Test
    void shouldOrderComposerVersionsAsPhpVersionCompare() {
        VersionOrdering composer = VersionOrderings.of(Ecosystem.PACKAGIST);

        assertOrder(composer, "1.0.0-dev", "1.0.0-alpha1", "1.0.0-beta2", "1.0.0-RC1", "1.0.0", "1.0.0-pl1", "1.0.1",
                "v5.4.10", "5.4.11");
        assertThat(composer.compare("v1.2.3", "1.2.3")).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "CARGO, 0.9.0, 0.10.0",
        "CARGO, 1.0.0-alpha, 1.0.0",
        "NPM, 0.0.1, 0.0.2",
        "PYPI, 2.25.1, 2.31.0",
        "PYPI, 0.9, 0.10",
        "MAVEN, 9.0.0.M1, 9.0.0",
        "NUGET, 12.0.3, 13.0.1"
    })
    void shouldOrderRealVersionPairs(Ecosystem ecosystem, String lower, String higher) {
        assertThat(VersionOrderings.of(ecosystem).compare(lower, higher)).isNegative();
        assertThat(VersionOrderings.of(ecosystem).compare(higher, lower)).isPositive();
    }

    @Test
    void shouldRejectHostileVersionStrings() {
        // Given absurdly long and malformed versions
        String huge = "1." + "9".repeat(1000);

        // Then each strict scheme refuses them with an exception the matcher handles, never a hang
        for (Ecosystem ecosystem : List.of(Ecosystem.NPM, Ecosystem.PYPI, Ecosystem.NUGET, Ecosystem.RUBYGEMS,
                Ecosystem.PACKAGIST)) {
            VersionOrdering ordering = VersionOrderings.of(ecosystem);
            assertThat(ordering.isValid(huge)).as(ecosystem.name()).isFalse();
            assertThat(ordering.isValid("")).as(ecosystem.name()).isFalse();
            assertThatThrownBy(() -> ordering.compare("1.0.0", "\u0000junk")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
