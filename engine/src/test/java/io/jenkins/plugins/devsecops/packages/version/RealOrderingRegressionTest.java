package io.jenkins.plugins.devsecops.packages.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Orderings that a comparison against real ecosystems' published version lists showed wrong: RubyGems'
 * canonical segments (trailing zeros dropped before a pre-release) and PHP's prefix match of special words.
 */
class RealOrderingRegressionTest {

    private static int sign(VersionOrdering ordering, String left, String right) {
        return Integer.signum(ordering.compare(left, right));
    }

    @ParameterizedTest(name = "RubyGems {0} {1} {2}")
    @CsvSource({
        // Gem::Version drops trailing zeros of the release part, so 2.0.0.beta2 is 2.beta.2 and 2.0.pre is 2.pre
        "2.0.0.beta2, <, 2.0.pre",
        "5.0.0.beta1, <, 5.0.pre",
        "1.10.0.alpha1, <, 1.10.pre",
        "4.1.0.beta, =, 4.1.beta",
        "3.0.0.a, <, 3.0.0.b",
        // and the zeros of the pre-release part too
        "1.2.a.0, =, 1.2.a",
        // what held before still holds
        "1.0, =, 1",
        "1.13.4, <, 1.13.10",
        "1.0.0.pre, <, 1.0.0",
        "1.9.25, <, 2.0.0.beta",
        "0.9.12, >, 0.9.2"
    })
    void shouldOrderRubyGemsVersionsLikeGemVersion(String left, String relation, String right) {
        // Given
        VersionOrdering rubygems = VersionOrderings.of(Ecosystem.RUBYGEMS);

        // When
        int result = sign(rubygems, left, right);

        // Then
        assertThat(result).isEqualTo(expected(relation));
        assertThat(sign(rubygems, right, left)).isEqualTo(-expected(relation));
    }

    @ParameterizedTest(name = "Packagist {0} {1} {2}")
    @CsvSource({
        // PHP's version_compare matches a special form by prefix: "post" is "p", a patch level above the release
        "4.2.0, <, 4.2.0.post2",
        "4.2.0rc3, <, 4.2.0rc3.post1",
        "4.2.0.post1, <, 4.2.1",
        "2.0.0-patch1, >, 2.0.0",
        "2.0.0-pl1, =, 2.0.0-p1",
        // and the ordinary forms are unchanged
        "2.0.0-dev, <, 2.0.0-alpha1",
        "2.0.0-alpha1, <, 2.0.0-beta1",
        "2.0.0-beta1, <, 2.0.0-RC1",
        "2.0.0-RC1, <, 2.0.0",
        "1.1.4, >, 1.0.8",
        "v2.1.1, =, 2.1.1"
    })
    void shouldOrderPackagistVersionsLikeVersionCompare(String left, String relation, String right) {
        // Given
        VersionOrdering packagist = VersionOrderings.of(Ecosystem.PACKAGIST);

        // When
        int result = sign(packagist, left, right);

        // Then
        assertThat(result).isEqualTo(expected(relation));
        assertThat(sign(packagist, right, left)).isEqualTo(-expected(relation));
    }

    private static int expected(String relation) {
        return switch (relation) {
            case "<" -> -1;
            case ">" -> 1;
            default -> 0;
        };
    }
}
