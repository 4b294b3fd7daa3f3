package io.jenkins.plugins.devsecops.packages.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's PEP 440 ordering: epoch, release (trailing zeros insignificant), pre-releases ({@code a} &lt; {@code b}
 * &lt; {@code rc}, with the alternative spellings {@code alpha}, {@code beta}, {@code c}, {@code pre},
 * {@code preview}), post-releases (also {@code -N}, {@code rev}, {@code r}), development releases (before the
 * pre-release or release they belong to) and local versions (after the public version).
 */
public final class Pep440Ordering implements VersionOrdering {

    private static final Pattern PEP440 = Pattern.compile("^\\s*v?(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)"
            + "(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\\d+)?)?"
            + "(?:-(\\d+)|[-_.]?(post|rev|r)[-_.]?(\\d+)?)?"
            + "(?:[-_.]?(dev)[-_.]?(\\d+)?)?"
            + "(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*$", Pattern.CASE_INSENSITIVE);

    private final ParseCache<Parsed> cache = new ParseCache<>(Pep440Ordering::parse);

    /** A parsed version; {@code null} fields are absent parts. */
    private record Parsed(BigInteger epoch, List<BigInteger> release, int preKind, BigInteger pre, BigInteger post,
            BigInteger dev, String[] local) {
    }

    @Override
    public int compare(String left, String right) {
        Parsed a = cache.get(left);
        Parsed b = cache.get(right);
        int result = a.epoch().compareTo(b.epoch());
        if (result != 0) {
            return result;
        }
        result = compareRelease(a.release(), b.release());
        if (result != 0) {
            return result;
        }
        result = Integer.compare(preRank(a), preRank(b));
        if (result == 0 && a.pre() != null && b.pre() != null) {
            result = Integer.compare(a.preKind(), b.preKind());
            if (result == 0) {
                result = a.pre().compareTo(b.pre());
            }
        }
        if (result != 0) {
            return result;
        }
        result = compareOptional(a.post(), b.post(), false);
        if (result != 0) {
            return result;
        }
        result = compareOptional(a.dev(), b.dev(), true);
        if (result != 0) {
            return result;
        }
        return compareLocal(a.local(), b.local());
    }

    /** 0: a dev release without pre or post (sorts first), 1: a pre-release, 2: no pre-release. */
    private static int preRank(Parsed version) {
        if (version.pre() == null && version.post() == null && version.dev() != null) {
            return 0;
        }
        return version.pre() != null ? 1 : 2;
    }

    /** Compares optional numbers; an absent one sorts first, or last when {@code absentIsGreatest}. */
    private static int compareOptional(BigInteger a, BigInteger b, boolean absentIsGreatest) {
        if (a == null && b == null) {
            return 0;
        }
        if (a == null || b == null) {
            int absentFirst = a == null ? -1 : 1;
            return absentIsGreatest ? -absentFirst : absentFirst;
        }
        return a.compareTo(b);
    }

    private static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
        int length = Math.max(a.size(), b.size());
        for (int i = 0; i < length; i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int result = x.compareTo(y);
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }

    private static int compareLocal(String[] a, String[] b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            boolean aNumeric = a[i].chars().allMatch(Character::isDigit);
            boolean bNumeric = b[i].chars().allMatch(Character::isDigit);
            int result;
            if (aNumeric && bNumeric) {
                result = new BigInteger(a[i]).compareTo(new BigInteger(b[i]));
            } else if (aNumeric != bNumeric) {
                result = aNumeric ? 1 : -1;
            } else {
                result = a[i].compareTo(b[i]);
            }
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static Parsed parse(String version) {
        if (version == null || version.length() > 256) {
            throw new IllegalArgumentException("Not a PEP 440 version: " + version);
        }
        Matcher m = PEP440.matcher(version);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a PEP 440 version: " + version);
        }
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group(2).split("\\.")) {
            release.add(new BigInteger(part));
        }
        int preKind = 0;
        BigInteger pre = null;
        if (m.group(3) != null) {
            String letter = m.group(3).toLowerCase(Locale.ROOT);
            preKind = switch (letter) {
                case "a", "alpha" -> 0;
                case "b", "beta" -> 1;
                default -> 2;
            };
            pre = m.group(4) == null ? BigInteger.ZERO : new BigInteger(m.group(4));
        }
        BigInteger post = null;
        if (m.group(5) != null) {
            post = new BigInteger(m.group(5));
        } else if (m.group(6) != null) {
            post = m.group(7) == null ? BigInteger.ZERO : new BigInteger(m.group(7));
        }
        BigInteger dev = m.group(8) == null ? null : m.group(9) == null ? BigInteger.ZERO : new BigInteger(m.group(9));
        String[] local = m.group(10) == null ? null : m.group(10).toLowerCase(Locale.ROOT).split("[-_.]");
        return new Parsed(m.group(1) == null ? BigInteger.ZERO : new BigInteger(m.group(1)), release, preKind, pre,
                post, dev, local);
    }
}
