package io.jenkins.plugins.devsecops.dependencies.lockfile;

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
 * understood; other keys and tables are skipped.
 */
final class TomlPackageBlocks {

    private static final Pattern STRING_VALUE = Pattern.compile("^([A-Za-z0-9_.\\-]+)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(#.*)?$");
    private static final Pattern INLINE_NAME = Pattern.compile("name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern INLINE_VERSION = Pattern.compile("version\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

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
        String[] lines = file.text().split("\r?\n", -1);
        Block current = null;
        String table = "";
        String openArray = null;
        StringBuilder arrayText = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (openArray != null) {
                arrayText.append(' ').append(line);
                if (closesArray(arrayText)) {
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
            Matcher string = STRING_VALUE.matcher(line);
            if (string.matches()) {
                current.values.put(string.group(1), string.group(2));
                continue;
            }
            int equalsAt = line.indexOf('=');
            if (equalsAt > 0 && line.substring(equalsAt + 1).strip().startsWith("{") && line.endsWith("}")) {
                current.values.put(line.substring(0, equalsAt).strip(), line.substring(equalsAt + 1).strip());
                continue;
            }
            if (line.startsWith("dependencies") && line.contains("[")) {
                arrayText.setLength(0);
                arrayText.append(line.substring(line.indexOf('[')));
                if (closesArray(arrayText)) {
                    addDependencies(current, "dependencies", arrayText.toString());
                } else {
                    openArray = "dependencies";
                }
            } else if (line.contains("= [") && !line.endsWith("]")) {
                arrayText.setLength(0);
                arrayText.append(line.substring(line.indexOf('[')));
                if (!closesArray(arrayText)) {
                    openArray = "ignored";
                }
            }
        }
        return blocks;
    }

    private static boolean closesArray(CharSequence text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                inString = !inString;
            } else if (!inString && c == '[') {
                depth++;
            } else if (!inString && c == ']') {
                depth--;
                if (depth == 0) {
                    return true;
                }
            }
        }
        return false;
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
            Matcher quoted = QUOTED.matcher(body);
            while (quoted.find()) {
                String[] parts = quoted.group(1).split(" ");
                block.dependencies.add(new String[] {parts[0], parts.length > 1 ? parts[1] : null});
            }
        }
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }
}
