package io.jenkins.plugins.devsecops.scan;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A user's glob over {@code /}-separated relative paths, compiled to RE2J so that matching takes time linear in the
 * path whatever the user wrote: no backtracking, so {@code **}&#47;{@code *} runs against a deep path cannot hang.
 * Every glob the user controls goes through this class: {@code --include}/{@code --exclude},
 * {@code .devsecopsignore}, the {@code files} of user secret rules, import patterns and suppression paths.
 *
 * <p>Two dialects:
 * <ul>
 * <li>{@linkplain #gitignore gitignore}: {@code !} negates, a trailing {@code /} matches directories only, a
 * pattern without an inner {@code /} matches a name at any depth, {@code **}&#47; any number of directories,
 * {@code /**} everything inside, {@code *} and {@code ?} within one segment, {@code [a-z]} and {@code [!a-z]}
 * classes (with POSIX {@code [:alpha:]}), {@code \} escapes;</li>
 * <li>{@linkplain #path path}: the whole path from the root; {@code *} within a segment, {@code **} across
 * segments, {@code ?} one character, everything else literal.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class Glob {

    /** The longest glob accepted. */
    public static final int MAX_LENGTH = 1000;

    private static final String POSIX_CLASSES = "alnum alpha ascii blank cntrl digit graph lower print punct space"
            + " upper word xdigit";

    private final String source;
    private final boolean negated;
    private final boolean directoryOnly;
    private final boolean empty;
    /** Matches the path itself; a directory's path is matched with a {@code /} appended. */
    private final Pattern self;
    /** Matches the path or one of the directories above it. */
    private final Pattern selfOrParent;
    /**
     * Text every matching path contains (the longest literal run of a gitignore pattern), checked before the
     * regular expression: most paths of a tree fail this cheap test. Empty when the pattern has none.
     */
    private final String requiredText;

    private Glob(String source, boolean negated, boolean directoryOnly, String core) {
        this(source, negated, directoryOnly, core, "");
    }

    private Glob(String source, boolean negated, boolean directoryOnly, String core, String requiredText) {
        this.source = source;
        this.negated = negated;
        this.directoryOnly = directoryOnly;
        this.empty = core == null;
        this.requiredText = requiredText;
        try {
            this.self = core == null ? null : Pattern.compile(core + (directoryOnly ? "/" : "/?"), Pattern.DOTALL);
            this.selfOrParent = core == null ? null
                    : Pattern.compile(core + (directoryOnly ? "/.*" : "(?:/.*)?"), Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Invalid glob '" + source + "': " + e.getDescription());
        }
    }

    /**
     * A gitignore-style pattern, as in {@code .gitignore}: blank lines and {@code #} comments give an
     * {@linkplain #isEmpty empty} glob that matches nothing.
     *
     * @throws IllegalArgumentException when the pattern is longer than {@link #MAX_LENGTH} or a class is invalid
     */
    public static Glob gitignore(String pattern) {
        checkLength(pattern);
        String text = stripTrailingSpaces(pattern);
        if (text.isEmpty() || text.startsWith("#")) {
            return new Glob(pattern, false, false, null);
        }
        boolean negated = text.startsWith("!");
        if (negated) {
            text = text.substring(1);
        }
        boolean directoryOnly = false;
        while (text.endsWith("/") && !text.endsWith("\\/")) {
            directoryOnly = true;
            text = text.substring(0, text.length() - 1);
        }
        boolean anchored = text.startsWith("/") || text.contains("/");
        while (text.startsWith("/")) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            return new Glob(pattern, negated, directoryOnly, null);
        }
        StringBuilder regex = new StringBuilder(anchored ? "" : "(?:.*/)?");
        String[] segments = text.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals("**")) {
                if (!last) {
                    regex.append("(?:.*/)?");
                } else {
                    regex.append(i == 0 ? ".*" : ".+");
                }
                continue;
            }
            if (segment.isEmpty()) {
                continue; // a doubled slash
            }
            appendSegment(regex, segment, pattern);
            if (!last) {
                regex.append('/');
            }
        }
        return new Glob(pattern, negated, directoryOnly, regex.toString(), longestLiteral(text));
    }

    /**
     * The longest run of literal characters of a gitignore pattern (its {@code !}, slashes at the ends and trailing
     * spaces already removed), which appears as such in every path it matches; empty when the pattern has escapes or
     * classes (their literal characters are not worth the care) or no literal at all.
     */
    private static String longestLiteral(String text) {
        if (text.indexOf('\\') >= 0 || text.indexOf('[') >= 0) {
            return "";
        }
        String longest = "";
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '/';
            if (c == '*' || c == '?' || c == '/') {
                if (i - start > longest.length()) {
                    longest = text.substring(start, i);
                }
                start = i + 1;
            }
        }
        return longest;
    }

    /**
     * A path glob matched against the whole path from the root (a leading {@code /} is ignored).
     *
     * @throws IllegalArgumentException when the glob is longer than {@link #MAX_LENGTH}
     */
    public static Glob path(String glob) {
        checkLength(glob);
        String text = glob.startsWith("/") ? glob.substring(1) : glob;
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*') {
                int run = i;
                while (run + 1 < text.length() && text.charAt(run + 1) == '*') {
                    run++;
                }
                if (run > i) {
                    boolean slashAfter = run + 1 < text.length() && text.charAt(run + 1) == '/';
                    regex.append(slashAfter ? "(?:.*/)?" : ".*");
                    i = slashAfter ? run + 1 : run;
                } else {
                    regex.append("[^/]*");
                }
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                appendLiteral(regex, c);
            }
        }
        return new Glob(glob, false, false, regex.toString());
    }

    private static void checkLength(String glob) {
        if (glob == null) {
            throw new IllegalArgumentException("A glob is missing");
        }
        if (glob.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Glob longer than " + MAX_LENGTH + " characters");
        }
    }

    private static String stripTrailingSpaces(String pattern) {
        int end = pattern.length();
        while (end > 0 && (pattern.charAt(end - 1) == ' ' || pattern.charAt(end - 1) == '\t'
                || pattern.charAt(end - 1) == '\r')) {
            if (end > 1 && pattern.charAt(end - 2) == '\\') {
                break;
            }
            end--;
        }
        return pattern.substring(0, end);
    }

    private static void appendSegment(StringBuilder regex, String segment, String pattern) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 < segment.length()) {
                        appendLiteral(regex, segment.charAt(++i));
                    } else {
                        appendLiteral(regex, c);
                    }
                }
                case '*' -> {
                    while (i + 1 < segment.length() && segment.charAt(i + 1) == '*') {
                        i++;
                    }
                    regex.append("[^/]*");
                }
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int end = classEnd(segment, i);
                    if (end < 0) {
                        throw new IllegalArgumentException("Invalid glob '" + pattern + "': '[' opens a character"
                                + " class that is never closed (write \\[ for a literal bracket)");
                    } else {
                        appendClass(regex, segment.substring(i + 1, end), pattern);
                        i = end;
                    }
                }
                default -> appendLiteral(regex, c);
            }
        }
    }

    /** The index of the {@code ]} closing the class opened at {@code open}, or -1 when it is not a class. */
    private static int classEnd(String segment, int open) {
        int i = open + 1;
        if (i < segment.length() && (segment.charAt(i) == '!' || segment.charAt(i) == '^')) {
            i++;
        }
        if (i < segment.length() && segment.charAt(i) == ']') {
            i++; // a leading ] is a member
        }
        while (i < segment.length()) {
            char c = segment.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[' && i + 1 < segment.length() && segment.charAt(i + 1) == ':') {
                int close = segment.indexOf(":]", i + 2);
                if (close > 0 && POSIX_CLASSES.contains(segment.substring(i + 2, close))) {
                    i = close + 2;
                    continue;
                }
            }
            if (c == ']') {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static void appendClass(StringBuilder regex, String body, String pattern) {
        StringBuilder members = new StringBuilder();
        int i = 0;
        boolean negated = !body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^');
        if (negated) {
            i++;
        }
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '[' && body.startsWith("[:", i)) {
                int close = body.indexOf(":]", i + 2);
                if (close > 0 && POSIX_CLASSES.contains(body.substring(i + 2, close))) {
                    members.append(body, i, close + 2);
                    i = close + 2;
                    continue;
                }
            }
            if (c == '\\' && i + 1 < body.length()) {
                c = body.charAt(++i);
            }
            if (c == '-' && members.length() > 0 && i + 1 < body.length()) {
                members.append('-');
            } else {
                appendClassMember(members, c);
            }
            i++;
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("Invalid glob '" + pattern + "': empty character class");
        }
        regex.append(negated ? "[^/" : "[").append(members).append(']');
    }

    private static void appendClassMember(StringBuilder members, char c) {
        if ("\\[]^-".indexOf(c) >= 0) {
            members.append('\\');
        }
        members.append(c);
    }

    private static void appendLiteral(StringBuilder regex, char c) {
        if (c < 128 && !Character.isLetterOrDigit(c) && c != '/' && c != '_' && c != ' ') {
            regex.append('\\');
        }
        regex.append(c);
    }

    /** The glob as written. */
    public String source() {
        return source;
    }

    /** Whether the pattern starts with {@code !}: a match re-includes the path. */
    public boolean negated() {
        return negated;
    }

    /** Whether the pattern ends with {@code /}: it matches directories only. */
    public boolean directoryOnly() {
        return directoryOnly;
    }

    /** Whether the pattern matches nothing (a blank line or a comment). */
    public boolean isEmpty() {
        return empty;
    }

    /**
     * Text every path the glob matches contains (its longest literal run), or the empty string when the glob has
     * none; {@link #matches} and {@link #matchesPathOrParent} check it before their regular expression.
     */
    public String requiredText() {
        return requiredText;
    }

    /** Whether the glob matches {@code path} itself. */
    public boolean matches(String path, boolean directory) {
        return !empty && path.contains(requiredText) && self.matches(directory ? path + "/" : path);
    }

    /** Whether the glob matches {@code path} or a directory above it (so {@code build/} matches {@code build/a.txt}). */
    public boolean matchesPathOrParent(String path, boolean directory) {
        return !empty && path.contains(requiredText) && selfOrParent.matches(directory ? path + "/" : path);
    }

    @Override
    public String toString() {
        return source;
    }
}
