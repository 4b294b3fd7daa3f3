package io.jenkins.plugins.devsecops.packages.version;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semantic Versioning 2.0.0 precedence (npm, Cargo, Go modules, OSV {@code SEMVER} ranges): numeric
 * major.minor.patch, a pre-release sorting before its release and compared identifier by identifier, build
 * metadata (Go's {@code +incompatible} included) ignored. A leading {@code v} and missing minor or patch numbers
 * are accepted, as OSV records and Go write them; Go pseudo-versions are pre-releases and so order correctly.
 */
public final class SemverOrdering implements VersionOrdering {

    private static final Pattern SEMVER = Pattern.compile(
            "^[vV=]?\\s*(0|[1-9]\\d*|\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?(?:\\+([0-9A-Za-z.-]+))?$");

    private final ParseCache<Parsed> cache = new ParseCache<>(SemverOrdering::parse);

    /** A parsed version. */
    private record Parsed(BigInteger major, BigInteger minor, BigInteger patch, String[] prerelease) {
    }

    @Override
    public int compare(String left, String right) {
        Parsed a = cache.get(left);
        Parsed b = cache.get(right);
        int result = a.major().compareTo(b.major());
        if (result == 0) {
            result = a.minor().compareTo(b.minor());
        }
        if (result == 0) {
            result = a.patch().compareTo(b.patch());
        }
        return result != 0 ? result : comparePrerelease(a.prerelease(), b.prerelease());
    }

    private static Parsed parse(String version) {
        if (version == null || version.length() > 256) {
            throw new IllegalArgumentException("Not a semantic version: " + version);
        }
        Matcher matcher = SEMVER.matcher(version.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a semantic version: " + version);
        }
        return new Parsed(number(matcher.group(1)), number(matcher.group(2)), number(matcher.group(3)),
                matcher.group(4) == null ? new String[0] : matcher.group(4).split("\\.", -1));
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    private static int comparePrerelease(String[] a, String[] b) {
        if (a.length == 0 && b.length == 0) {
            return 0;
        }
        if (a.length == 0 || b.length == 0) {
            return a.length == 0 ? 1 : -1;
        }
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int result = compareIdentifier(a[i], b[i]);
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static int compareIdentifier(String a, String b) {
        boolean aNumeric = !a.isEmpty() && a.chars().allMatch(Character::isDigit);
        boolean bNumeric = !b.isEmpty() && b.chars().allMatch(Character::isDigit);
        if (aNumeric && bNumeric) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
