package io.jenkins.plugins.devsecops.secrets;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether every match of a pattern starts with one of its rule's keywords: then the detector can search from
 * the keyword hit instead of from the start of its line, since a match starting earlier on the line would start with
 * an earlier hit, and one attempt at each hit is enough. Deliberately conservative: only a leading literal after
 * optional inline flags ({@code (?m)}...), {@code \b}, {@code (}, {@code (?:} and {@code (?i:}, not followed by a
 * quantifier (nor is the group it closes), and no alternation that could bypass it.
 */
final class PatternPrefix {

    private static final String META = "\\[](){}.*+?^$|";

    private static final Pattern INLINE_FLAGS = Pattern.compile("\\(\\?[imsudU]+\\)");

    private PatternPrefix() {
    }

    static boolean startsWithKeyword(String source, List<String> keywords) {
        return keywordOffset(source, keywords) == 0;
    }

    /**
     * Where a keyword sits in the literal every match starts with, e.g. 5 for {@code -----BEGIN PRIVATE KEY-----...}
     * and the keyword {@code begin private key}: every match then starts that many characters before a keyword hit,
     * so one attempt there per hit finds them all. -1 when matches do not start with such a literal.
     */
    static int keywordOffset(String source, List<String> keywords) {
        int i = 0;
        int strippedGroups = 0;
        while (true) {
            Matcher flags = INLINE_FLAGS.matcher(source).region(i, source.length());
            if (flags.lookingAt()) {
                i = flags.end(); // (?i), (?m), (?s)... do not change what the literal is; (?x) would, and is not taken
            } else if (source.startsWith("\\b", i)) {
                i += 2;
            } else if (source.startsWith("(?:", i)) {
                i += 3;
                strippedGroups++;
            } else if (source.startsWith("(?i:", i)) {
                // (?i:jenkins)...: the group's literal is matched without regard to case, as keywords are
                i += 4;
                strippedGroups++;
            } else if (source.startsWith("(", i) && !source.startsWith("(?", i)) {
                i += 1;
                strippedGroups++;
            } else {
                break;
            }
        }
        int afterAlternatives = leadingAlternativesEnd(source, i, keywords);
        if (afterAlternatives > 0) {
            return hasAlternationAround(source, afterAlternatives, strippedGroups - 1) ? -1 : 0;
        }
        int literalEnd = i;
        while (literalEnd < source.length() && META.indexOf(source.charAt(literalEnd)) < 0) {
            literalEnd++;
        }
        if (literalEnd < source.length() && "?*+{".indexOf(source.charAt(literalEnd)) >= 0) {
            literalEnd--; // the quantifier applies to the last character, which is then not certain
        } else if (literalEnd + 1 < source.length() && source.charAt(literalEnd) == ')'
                && "?*+{".indexOf(source.charAt(literalEnd + 1)) >= 0) {
            return -1; // (?i:jenkins)?...: the group holding the literal is optional or repeated
        }
        String literal = source.substring(i, Math.max(i, literalEnd)).toLowerCase(Locale.ROOT);
        int offset = -1;
        for (String keyword : keywords) {
            int at = literal.indexOf(keyword);
            if (at >= 0 && (offset < 0 || at < offset)) {
                offset = at;
            }
        }
        if (offset < 0 || hasAlternationAround(source, i, strippedGroups)) {
            return -1;
        }
        return offset;
    }

    /**
     * When the pattern at {@code start} follows a group it just opened that holds only alternative literals, each
     * starting with a keyword ({@code (?:getenv|environ\.get)...}): the index after that group; otherwise -1.
     */
    private static int leadingAlternativesEnd(String source, int start, List<String> keywords) {
        if (!(start >= 3 && source.startsWith("(?:", start - 3) || start >= 4 && source.startsWith("(?i:", start - 4))) {
            return -1;
        }
        StringBuilder literal = new StringBuilder();
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length() && META.indexOf(source.charAt(i + 1)) >= 0) {
                literal.append(source.charAt(++i));
            } else if (c == '|' || c == ')') {
                String alternative = literal.toString().toLowerCase(Locale.ROOT);
                if (alternative.isEmpty() || keywords.stream().noneMatch(alternative::startsWith)) {
                    return -1;
                }
                if (c == ')') {
                    return i + 1 < source.length() && "?*+{".indexOf(source.charAt(i + 1)) >= 0 ? -1 : i + 1;
                }
                literal.setLength(0);
            } else if (META.indexOf(c) >= 0 || c == '\\') {
                return -1;
            } else {
                literal.append(c);
            }
        }
        return -1;
    }

    /** Whether a {@code |} sits at the top level or directly inside one of the leading groups. */
    private static boolean hasAlternationAround(String source, int prefixEnd, int strippedGroups) {
        Deque<Boolean> open = new ArrayDeque<>();
        for (int g = 0; g < strippedGroups; g++) {
            open.push(Boolean.TRUE);
        }
        boolean inClass = false;
        for (int i = prefixEnd; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                open.push(Boolean.FALSE);
            } else if (c == ')') {
                if (!open.isEmpty()) {
                    open.pop();
                }
            } else if (c == '|' && (open.isEmpty() || open.peek())) {
                return true;
            }
        }
        return false;
    }
}
