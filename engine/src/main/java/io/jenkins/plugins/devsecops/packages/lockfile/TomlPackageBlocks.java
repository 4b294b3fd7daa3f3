package io.jenkins.plugins.devsecops.packages.lockfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code [[package]]} blocks of TOML lockfiles ({@code Cargo.lock}, {@code poetry.lock}, {@code uv.lock}):
 * their top-level string values and their {@code dependencies} array (strings, or inline tables with a
 * {@code name}), plus the names under a {@code [package.dependencies]} table. Only what these lockfiles use is
 * understood; other keys and tables are skipped. Strings are read by a scanner, not a regular expression, so a
 * string of any length costs linear time and no stack.
 */
final class TomlPackageBlocks {

    private static final Pattern INLINE_NAME = Pattern.compile("name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern INLINE_VERSION = Pattern.compile("version\\s*=\\s*\"([^\"]+)\"");

    /** One {@code [[package]]} block. */
    static final class Block {
        final int line;
        final Map<String, String> values = new LinkedHashMap<>();
        /** Each dependency: its name, and its version where given ({@code "name 1.0"} or inline table). */
        final List<String[]> dependencies = new ArrayList<>();

        Block(int line) {
            this.line = line;
        }

        String value(String key) {
            return values.get(key);
        }
    }

    private TomlPackageBlocks() {
    }

    static List<Block> read(Lockfile file) throws LockfileException {
        List<Block> blocks = new ArrayList<>();
        String[] lines = file.textLines();
        Block current = null;
        String table = "";
        String openArray = null;
        ArrayText arrayText = new ArrayText();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (openArray != null) {
                arrayText.append(' ').append(line);
                if (arrayText.closed()) {
                    addDependencies(current, openArray, arrayText.toString());
                    openArray = null;
                } else if (arrayText.length() > 1_000_000) {
                    throw new LockfileException("line " + (i + 1) + ": unterminated array");
                }
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.equals("[[package]]")) {
                current = new Block(i + 1);
                blocks.add(current);
                table = "";
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new LockfileException("line " + (i + 1) + ": malformed table header");
                }
                table = line.replaceAll("^\\[+|]+$", "");
                if (!table.startsWith("package.") && !line.startsWith("[[package")) {
                    current = null;
                }
                continue;
            }
            if (current == null) {
                continue;
            }
            if (table.equals("package.dependencies") || table.equals("package.dev-dependencies")) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    current.dependencies.add(new String[] {unquote(line.substring(0, equals).strip()), null});
                }
                continue;
            }
            if (!table.isEmpty()) {
                continue;
            }
            String[] string = stringValue(line);
            if (string != null) {
                current.values.put(string[0], string[1]);
                continue;
            }
            int equalsAt = line.indexOf('=');
            if (equalsAt > 0 && line.substring(equalsAt + 1).strip().startsWith("{") && line.endsWith("}")) {
                current.values.put(line.substring(0, equalsAt).strip(), line.substring(equalsAt + 1).strip());
                continue;
            }
            if (line.startsWith("dependencies") && line.contains("[")) {
                arrayText.start(line.substring(line.indexOf('[')));
                if (arrayText.closed()) {
                    addDependencies(current, "dependencies", arrayText.toString());
                } else {
                    openArray = "dependencies";
                }
            } else if (line.contains("= [") && !line.endsWith("]")) {
                arrayText.start(line.substring(line.indexOf('[')));
                if (!arrayText.closed()) {
                    openArray = "ignored";
                }
            }
        }
        return blocks;
    }

    /**
     * The text of an array that may span lines, scanned as it grows: whether it is closed is known without reading
     * it again, so a long unterminated array costs linear time.
     */
    private static final class ArrayText {
        private final StringBuilder text = new StringBuilder();
        private int scanned;
        private int depth;
        private boolean inString;
        private boolean closed;

        void start(String first) {
            text.setLength(0);
            scanned = 0;
            depth = 0;
            inString = false;
            closed = false;
            text.append(first);
        }

        ArrayText append(char c) {
            text.append(c);
            return this;
        }

        ArrayText append(String more) {
            text.append(more);
            return this;
        }

        int length() {
            return text.length();
        }

        boolean closed() {
            for (; scanned < text.length() && !closed; scanned++) {
                char c = text.charAt(scanned);
                if (c == '"' && (scanned == 0 || text.charAt(scanned - 1) != '\\')) {
                    inString = !inString;
                } else if (!inString && c == '[') {
                    depth++;
                } else if (!inString && c == ']') {
                    depth--;
                    closed = depth == 0;
                }
            }
            return closed;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private static void addDependencies(Block block, String key, String array) {
        if (block == null || !key.equals("dependencies")) {
            return;
        }
        String body = array.substring(1, array.lastIndexOf(']'));
        if (body.contains("{")) {
            for (String table : body.split("}")) {
                Matcher name = INLINE_NAME.matcher(table);
                if (name.find()) {
                    Matcher version = INLINE_VERSION.matcher(table);
                    block.dependencies.add(new String[] {name.group(1), version.find() ? version.group(1) : null});
                }
            }
        } else {
            int position = body.indexOf('"');
            while (position >= 0) {
                int end = closingQuote(body, position + 1);
                if (end < 0) {
                    break;
                }
                String[] parts = body.substring(position + 1, end).split(" ");
                block.dependencies.add(new String[] {parts[0], parts.length > 1 ? parts[1] : null});
                position = body.indexOf('"', end + 1);
            }
        }
    }

    /**
     * A line {@code key = "value"} (with an optional comment) as key and raw value, escapes left as written; or
     * {@code null} for any other line.
     */
    static String[] stringValue(String line) {
        int i = 0;
        while (i < line.length() && isKeyChar(line.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return null;
        }
        String key = line.substring(0, i);
        i = skipSpaces(line, i);
        if (i >= line.length() || line.charAt(i) != '=') {
            return null;
        }
        i = skipSpaces(line, i + 1);
        if (i >= line.length() || line.charAt(i) != '"') {
            return null;
        }
        int end = closingQuote(line, i + 1);
        if (end < 0) {
            return null;
        }
        int after = skipSpaces(line, end + 1);
        if (after < line.length() && line.charAt(after) != '#') {
            return null;
        }
        return new String[] {key, line.substring(i + 1, end)};
    }

    /** The index of the quote closing a basic string whose content starts at {@code from}, or -1. */
    private static int closingQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isKeyChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }
}
