package io.jenkins.plugins.devsecops.packages.version;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NuGet's ordering: up to four numeric parts (missing ones are zero), then SemVer 2.0 pre-release precedence with
 * identifiers compared case-insensitively; build metadata ignored.
 */
public final class NuGetOrdering implements VersionOrdering {

    private static final Pattern NUGET = Pattern.compile(
            "^\\s*[vV]?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?\\s*$");

    @Override
    public int compare(String left, String right) {
        Matcher a = parse(left);
        Matcher b = parse(right);
        for (int group = 1; group <= 4; group++) {
            int result = number(a.group(group)).compareTo(number(b.group(group)));
            if (result != 0) {
                return result;
            }
        }
        String preA = a.group(5);
        String preB = b.group(5);
        if (preA == null || preB == null) {
            return preA == null ? (preB == null ? 0 : 1) : -1;
        }
        String[] x = preA.toLowerCase(Locale.ROOT).split("\\.");
        String[] y = preB.toLowerCase(Locale.ROOT).split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xNumeric = x[i].chars().allMatch(Character::isDigit) && !x[i].isEmpty();
            boolean yNumeric = y[i].chars().allMatch(Character::isDigit) && !y[i].isEmpty();
            int result;
            if (xNumeric && yNumeric) {
                result = new BigInteger(x[i]).compareTo(new BigInteger(y[i]));
            } else if (xNumeric != yNumeric) {
                result = xNumeric ? -1 : 1;
            } else {
                result = x[i].compareTo(y[i]);
            }
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static Matcher parse(String version) {
        if (version == null || version.length() > 256) {
            throw new IllegalArgumentException("Not a NuGet version: " + version);
        }
        Matcher matcher = NUGET.matcher(version);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a NuGet version: " + version);
        }
        return matcher;
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }
}
