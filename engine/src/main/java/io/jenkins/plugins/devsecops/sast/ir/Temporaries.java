package io.jenkins.plugins.devsecops.sast.ir;

/**
 * The names of the temporaries a front end makes ({@code $t0}, {@code $t1}, ...): the small ones are one shared
 * instance each, so that a method's temporaries cost no string of their own and compare and hash at once (their hash
 * code is computed once for the whole program).
 */
public final class Temporaries {

    /** {@code $t0} to {@code $t4095}, each made when first asked for. */
    private static final String[] NAMES = new String[4096];

    private Temporaries() {
    }

    /** The temporary {@code $t<number>} ({@code number} not negative). */
    public static String name(int number) {
        if (number < NAMES.length) {
            String known = NAMES[number];
            if (known == null) {
                // a race makes two equal strings, one of which stays; String's fields are final, so sharing is safe
                known = "$t" + number;
                NAMES[number] = known;
            }
            return known;
        }
        return "$t" + number;
    }

    /** The number of a temporary named as {@link #name} names them ({@code $t}, digits, no leading zero), else -1. */
    public static int number(String name) {
        int length = name.length();
        if (length < 3 || length > 9 || name.charAt(0) != '$' || name.charAt(1) != 't'
                || name.charAt(2) == '0' && length > 3) {
            return -1;
        }
        int n = 0;
        for (int i = 2; i < length; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
