package io.jenkins.plugins.devsecops.secrets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a rule file written in the one plain layout of the built-in {@code rules.yaml}, without a YAML library:
 * {@code rules:}, then items {@code "  - key: value"}, their keys at four spaces, block-list entries at six, values
 * plain, single-quoted, double-quoted (common escapes) or flow lists of such, each on one line; comment lines anywhere.
 * Anything outside that layout (another indentation, a multi-line or block scalar, an unknown key, a duplicate key,
 * an anchor, a plain value YAML would read as something else, a control or YAML 1.1 line-break character) gives
 * {@link Optional#empty()}: the caller then reads the file with the strict YAML reader, which also gives the errors.
 * Where it answers, the answer equals the strict YAML reader's (proved over the shipped file, edge cases and mutations
 * by {@code RuleFileLayoutTest}).
 *
 * <p>Exists for start-up time: the YAML library's parser, its object mapper and its first-use class initialisation
 * were a third of the CPU of a one-file secrets scan, for a file whose layout is ours.
 */
final class RuleFileLayout {

    private static final Pattern KEY_LINE = Pattern.compile("([A-Za-z]+):(?: (.*))?");
    private static final Pattern PLAIN_TEXT = Pattern.compile("[A-Za-z][A-Za-z0-9._/-]*");
    private static final Pattern PLAIN_INTEGER = Pattern.compile("0|[1-9][0-9]{0,8}");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("(?:0|[1-9][0-9]{0,8})(?:\\.[0-9]{1,9})?");
    /** Plain words that YAML 1.1 (SnakeYAML) reads as booleans or null. */
    private static final Pattern YAML_WORD = Pattern.compile(
            "(?i)y|n|yes|no|on|off|true|false|null|nan|inf");

    private static final List<String> KEYS = List.of("id", "title", "provider", "severity", "keywords", "pattern",
            "secretGroup", "multiline", "minEntropy", "files", "remediation", "references", "examples",
            "counterExamples");
    private static final List<String> LIST_KEYS = List.of("keywords", "files", "references", "examples",
            "counterExamples");

    private RuleFileLayout() {
    }

    /** Thrown inside the reader when the text leaves the layout; never escapes it. */
    private static final class OutsideLayout extends Exception {
        private static final long serialVersionUID = 1L;

        OutsideLayout() {
            super(null, null, false, false);
        }
    }

    /** The rule file, or empty when {@code text} is not in the layout (read it with the YAML reader then). */
    static Optional<SecretRuleFile> read(String text) {
        try {
            return Optional.of(parse(text));
        } catch (OutsideLayout e) {
            return Optional.empty();
        }
    }

    private static SecretRuleFile parse(String text) throws OutsideLayout {
        for (int i = 0; i < text.length(); i++) {
            if (!plainCharacter(text.charAt(i))) {
                throw new OutsideLayout();
            }
        }
        String[] lines = text.split("\n", -1);
        List<SecretRuleDefinition> rules = new ArrayList<>();
        Map<String, Object> item = null;
        String openList = null;
        boolean sawRoot = false;
        for (String line : lines) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            if (!sawRoot) {
                if (!line.equals("rules:")) {
                    throw new OutsideLayout();
                }
                sawRoot = true;
                continue;
            }
            if (line.startsWith("      - ") && openList != null) {
                @SuppressWarnings("unchecked")
                List<String> list = (List<String>) item.get(openList);
                list.add(scalarText(line.substring(8)));
                continue;
            }
            requireEntries(item, openList);
            String keyLine;
            if (line.startsWith("  - ")) {
                if (item != null) {
                    rules.add(definition(item));
                }
                item = new LinkedHashMap<>();
                keyLine = line.substring(4);
            } else if (line.startsWith("    ") && item != null && line.charAt(4) != ' ') {
                keyLine = line.substring(4);
            } else {
                throw new OutsideLayout();
            }
            openList = keyValue(keyLine, item);
        }
        if (!sawRoot || item == null) {
            throw new OutsideLayout();
        }
        requireEntries(item, openList);
        rules.add(definition(item));
        return new SecretRuleFile(List.copyOf(rules));
    }

    /** A block list left without entries is an empty string to YAML (an error for a list): left to YAML. */
    private static void requireEntries(Map<String, Object> item, String openList) throws OutsideLayout {
        if (openList != null && ((List<?>) item.get(openList)).isEmpty()) {
            throw new OutsideLayout();
        }
    }

    /**
     * Whether YAML reads {@code c} as itself: not a tab, carriage return or other control character, not one of the
     * characters YAML 1.1 takes as a line break (NEL, LS, PS), not a byte-order mark or non-character.
     */
    private static boolean plainCharacter(char c) {
        return c == '\n' || c >= 0x20 && c < 0x7F || c >= 0xA0 && c != 0x2028 && c != 0x2029 && c != 0xFEFF
                && c != 0xFFFE && c != 0xFFFF;
    }

    /** Puts one {@code key: value} into {@code item}; returns the key when it opens a block list. */
    private static String keyValue(String keyLine, Map<String, Object> item) throws OutsideLayout {
        var matcher = KEY_LINE.matcher(keyLine);
        if (!matcher.matches()) {
            throw new OutsideLayout();
        }
        String key = matcher.group(1);
        String value = matcher.group(2);
        if (!KEYS.contains(key) || item.containsKey(key)) {
            throw new OutsideLayout();
        }
        boolean list = LIST_KEYS.contains(key);
        if (value == null || value.isBlank()) {
            if (!list || (value != null && !value.isEmpty())) {
                throw new OutsideLayout();
            }
            item.put(key, new ArrayList<String>());
            return key;
        }
        if (list) {
            item.put(key, flowList(value));
        } else if (key.equals("secretGroup")) {
            item.put(key, Integer.valueOf(plain(value, PLAIN_INTEGER)));
        } else if (key.equals("minEntropy")) {
            item.put(key, Double.valueOf(plain(value, PLAIN_DECIMAL)));
        } else if (key.equals("multiline")) {
            String word = plain(value, Pattern.compile("true|false"));
            item.put(key, Boolean.valueOf(word));
        } else {
            item.put(key, scalarText(value));
        }
        return null;
    }

    private static String plain(String value, Pattern allowed) throws OutsideLayout {
        if (!allowed.matcher(value).matches()) {
            throw new OutsideLayout();
        }
        return value;
    }

    /** A text scalar that is the whole rest of the line (a comment after a quoted one allowed). */
    private static String scalarText(String value) throws OutsideLayout {
        Cursor cursor = new Cursor(value);
        String text = cursor.scalar(false);
        cursor.end();
        return text;
    }

    private static List<String> flowList(String value) throws OutsideLayout {
        Cursor cursor = new Cursor(value);
        cursor.expect('[');
        List<String> values = new ArrayList<>();
        cursor.spaces();
        if (cursor.peek() == ']') {
            cursor.expect(']');
        } else {
            while (true) {
                cursor.spaces();
                values.add(cursor.scalar(true));
                cursor.spaces();
                char next = cursor.peek();
                cursor.expect(next == ',' ? ',' : ']');
                if (next != ',') {
                    break;
                }
            }
        }
        cursor.end();
        return values;
    }

    @SuppressWarnings("unchecked")
    private static SecretRuleDefinition definition(Map<String, Object> item) {
        return new SecretRuleDefinition((String) item.get("id"), (String) item.get("title"),
                (String) item.get("provider"), (String) item.get("severity"), list(item, "keywords"),
                (String) item.get("pattern"), (Integer) item.get("secretGroup"), (Boolean) item.get("multiline"),
                (Double) item.get("minEntropy"), list(item, "files"), (String) item.get("remediation"),
                list(item, "references"), list(item, "examples"), list(item, "counterExamples"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> item, String key) {
        return (List<String>) item.get(key);
    }

    /** A position in one line's value. */
    private static final class Cursor {
        private final String text;
        private int at;

        Cursor(String text) {
            this.text = text;
        }

        char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        void expect(char c) throws OutsideLayout {
            if (peek() != c) {
                throw new OutsideLayout();
            }
            at++;
        }

        void spaces() {
            while (peek() == ' ') {
                at++;
            }
        }

        /** Only spaces, optionally followed by a comment, are left. */
        void end() throws OutsideLayout {
            int before = at;
            spaces();
            if (at < text.length() && !(text.charAt(at) == '#' && at > before)) {
                throw new OutsideLayout();
            }
        }

        String scalar(boolean inFlow) throws OutsideLayout {
            char first = peek();
            if (first == '\'') {
                return singleQuoted();
            }
            if (first == '"') {
                return doubleQuoted();
            }
            int start = at;
            while (at < text.length() && text.charAt(at) != ' ' && !(inFlow && (text.charAt(at) == ','
                    || text.charAt(at) == ']'))) {
                at++;
            }
            String plain = text.substring(start, at);
            if (!PLAIN_TEXT.matcher(plain).matches() || YAML_WORD.matcher(plain).matches()) {
                throw new OutsideLayout();
            }
            return plain;
        }

        private String singleQuoted() throws OutsideLayout {
            StringBuilder value = new StringBuilder();
            at++;
            while (true) {
                int quote = text.indexOf('\'', at);
                if (quote < 0) {
                    throw new OutsideLayout();
                }
                value.append(text, at, quote);
                at = quote + 1;
                if (peek() == '\'') {
                    value.append('\'');
                    at++;
                } else {
                    return value.toString();
                }
            }
        }

        private String doubleQuoted() throws OutsideLayout {
            StringBuilder value = new StringBuilder();
            at++;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    throw new OutsideLayout();
                }
                char escape = text.charAt(at++);
                switch (escape) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case '"', '\\' -> value.append(escape);
                    case 'u' -> value.append(unicode());
                    default -> throw new OutsideLayout();
                }
            }
            throw new OutsideLayout();
        }

        private char unicode() throws OutsideLayout {
            if (at + 4 > text.length()) {
                throw new OutsideLayout();
            }
            int code = 0;
            for (int i = 0; i < 4; i++) {
                int digit = Character.digit(text.charAt(at++), 16);
                if (digit < 0) {
                    throw new OutsideLayout();
                }
                code = code * 16 + digit;
            }
            if (Character.isSurrogate((char) code)) {
                throw new OutsideLayout();
            }
            return (char) code;
        }
    }
}
