package io.jenkins.plugins.devsecops.packages.version;

import java.util.ArrayList;
import java.util.List;

/**
 * Alpine package versions ({@code 1.2.3a_rc1_p2~1a2b-r4}) ordered as apk orders them. A version is a sequence of
 * tokens, each kind allowed only after the kinds before it: a first number, more {@code .}numbers, one letter, any
 * number of suffixes ({@code _alpha}, {@code _beta}, {@code _pre}, {@code _rc}, {@code _cvs}, {@code _svn},
 * {@code _git}, {@code _hg}, {@code _p}) each with an optional number, a commit hash ({@code ~} and hex digits), the
 * package revision ({@code -rN}).
 *
 * <p>Two versions are compared token by token while both have a token of the same kind: numbers numerically, except
 * a later dotted number with a leading zero on either side, which compares as a string; letters and hashes as
 * strings; suffixes by rank ({@code _alpha < _beta < _pre < _rc <} none {@code < _cvs < _svn < _git < _hg < _p}).
 * At the first token whose kinds differ, a pre-release suffix is older; otherwise the version whose token kind comes
 * earlier in the list above is newer (so {@code 1.0.1 > 1.0a > 1.0_p1 > 1.0}), and reaching the end or text that
 * breaks the format ranks last. Text that breaks the format is therefore compared up to where it breaks, as apk does;
 * {@link #isValid} tells whether the whole string is a version, and a string that does not start with a number is
 * none at all (an error). Used for the Alpine and Wolfi ecosystems; checked against the 738 comparisons of apk-tools'
 * own version test table (see bench/images/apk-version-check.sh).
 */
final class ApkOrdering implements VersionOrdering {

    private static final int MAX_LENGTH = 256;
    private static final List<String> SUFFIXES = List.of("alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg",
            "p");
    private static final int NO_SUFFIX = SUFFIXES.indexOf("");

    /** Token kinds in the order they may follow each other. */
    private enum Kind {
        FIRST_NUMBER, NUMBER, LETTER, SUFFIX, SUFFIX_NUMBER, HASH, REVISION, END, INVALID
    }

    /** One token: its kind, its text (digits without the dot, letter, hash) and, for a suffix, its rank. */
    private record Token(Kind kind, String text, int suffix) {
    }

    private final ParseCache<List<Token>> cache = new ParseCache<>(ApkOrdering::tokens);

    @Override
    public int compare(String left, String right) {
        List<Token> a = cache.get(left);
        List<Token> b = cache.get(right);
        int k = 0;
        while (a.get(k).kind() == b.get(k).kind() && a.get(k).kind().compareTo(Kind.END) < 0) {
            int result = compareSameKind(a.get(k), b.get(k));
            if (result != 0) {
                return result;
            }
            k++;
        }
        Token ta = a.get(k);
        Token tb = b.get(k);
        if (ta.kind() == tb.kind()) {
            return 0;
        }
        if (ta.kind() == Kind.SUFFIX && ta.suffix() < NO_SUFFIX) {
            return -1;
        }
        if (tb.kind() == Kind.SUFFIX && tb.suffix() < NO_SUFFIX) {
            return 1;
        }
        return ta.kind().compareTo(tb.kind()) > 0 ? -1 : 1;
    }

    @Override
    public boolean isValid(String version) {
        try {
            List<Token> tokens = cache.get(version);
            return tokens.get(tokens.size() - 1).kind() == Kind.END;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int compareSameKind(Token a, Token b) {
        return switch (a.kind()) {
            case NUMBER -> a.text().startsWith("0") || b.text().startsWith("0")
                    ? Integer.signum(a.text().compareTo(b.text()))
                    : compareNumbers(a.text(), b.text());
            case FIRST_NUMBER, SUFFIX_NUMBER, REVISION -> compareNumbers(a.text(), b.text());
            case SUFFIX -> Integer.compare(a.suffix(), b.suffix());
            default -> Integer.signum(a.text().compareTo(b.text()));
        };
    }

    /** Compares two digit strings as numbers of any length. */
    private static int compareNumbers(String a, String b) {
        String x = stripZeros(a);
        String y = stripZeros(b);
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : Integer.signum(x.compareTo(y));
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }

    /** The tokens of {@code version}, ending with an END token or, where the format breaks, an INVALID one. */
    private static List<Token> tokens(String version) {
        String text = version.strip();
        if (text.length() > MAX_LENGTH || text.isEmpty() || !isDigit(text.charAt(0))) {
            throw new IllegalArgumentException("Not an Alpine version: '" + version + "'");
        }
        List<Token> tokens = new ArrayList<>();
        int end = digitsEnd(text, 0);
        tokens.add(new Token(Kind.FIRST_NUMBER, text.substring(0, end), -1));
        int i = end;
        Kind last = Kind.FIRST_NUMBER;
        while (i < text.length()) {
            char c = text.charAt(i);
            Token token = null;
            if (c >= 'a' && c <= 'z' && last.compareTo(Kind.NUMBER) <= 0) {
                token = new Token(Kind.LETTER, String.valueOf(c), -1);
                i++;
            } else if ((c == '.' || isDigit(c)) && last.compareTo(Kind.NUMBER) <= 0) {
                int start = c == '.' ? i + 1 : i;
                end = digitsEnd(text, start);
                if (end > start) {
                    token = new Token(Kind.NUMBER, text.substring(start, end), -1);
                    i = end;
                }
            } else if (isDigit(c) && last == Kind.SUFFIX) {
                end = digitsEnd(text, i);
                token = new Token(Kind.SUFFIX_NUMBER, text.substring(i, end), -1);
                i = end;
            } else if (c == '_' && last.compareTo(Kind.SUFFIX_NUMBER) <= 0) {
                end = i + 1;
                while (end < text.length() && text.charAt(end) >= 'a' && text.charAt(end) <= 'z') {
                    end++;
                }
                int rank = SUFFIXES.indexOf(text.substring(i + 1, end));
                if (rank >= 0 && rank != NO_SUFFIX) {
                    token = new Token(Kind.SUFFIX, text.substring(i + 1, end), rank);
                    i = end;
                }
            } else if (c == '~' && last.compareTo(Kind.HASH) < 0) {
                end = i + 1;
                while (end < text.length() && isHexDigit(text.charAt(end))) {
                    end++;
                }
                if (end > i + 1) {
                    token = new Token(Kind.HASH, text.substring(i + 1, end), -1);
                    i = end;
                }
            } else if (c == '-' && last.compareTo(Kind.REVISION) < 0 && text.startsWith("-r", i)) {
                end = digitsEnd(text, i + 2);
                if (end > i + 2) {
                    token = new Token(Kind.REVISION, text.substring(i + 2, end), -1);
                    i = end;
                }
            }
            if (token == null) {
                tokens.add(new Token(Kind.INVALID, text.substring(i), -1));
                return List.copyOf(tokens);
            }
            tokens.add(token);
            last = token.kind();
        }
        tokens.add(new Token(Kind.END, "", -1));
        return List.copyOf(tokens);
    }

    private static int digitsEnd(String text, int from) {
        int end = from;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || c >= 'a' && c <= 'f';
    }
}
