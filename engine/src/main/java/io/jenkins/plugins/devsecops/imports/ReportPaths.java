package io.jenkins.plugins.devsecops.imports;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Turns the file paths and URIs that tools write into paths relative to the scan root ({@code /}-separated).
 * An absolute path inside the root is made relative; one outside it is kept as given, and a warning is raised
 * once per path.
 */
final class ReportPaths {

    private static final int MAX_PATH = 4096;

    private final Path root;
    private final Path realRoot;
    private final Consumer<String> warnings;

    ReportPaths(Path root, Consumer<String> warnings) {
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = realPath(this.root);
        this.warnings = warnings;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (java.io.IOException | RuntimeException e) {
            return path;
        }
    }

    /** The scan root. */
    Path root() {
        return root;
    }

    /**
     * A path relative to the root for what a tool wrote: a relative path (taken as relative to the root), an
     * absolute path, or a {@code file:} URI. {@code null} for nothing usable.
     */
    String relativize(String reported) {
        if (reported == null || reported.isBlank() || reported.length() > MAX_PATH || reported.indexOf('\0') >= 0) {
            return null;
        }
        String text = reported.trim();
        if (text.regionMatches(true, 0, "file:", 0, 5)) {
            String decoded = fromFileUri(text);
            if (decoded == null) {
                return keep(reported, "is not a valid file URI");
            }
            text = decoded;
        } else if (hasScheme(text)) {
            return text;
        }
        String slashed = text.replace('\\', '/');
        boolean windowsAbsolute = slashed.length() > 2 && Character.isLetter(slashed.charAt(0))
                && slashed.charAt(1) == ':' && slashed.charAt(2) == '/';
        if (slashed.startsWith("/") || windowsAbsolute) {
            try {
                Path absolute = Path.of(text).normalize();
                for (Path base : new Path[] {root, realRoot}) {
                    if (absolute.isAbsolute() && absolute.startsWith(base)) {
                        String relative = base.relativize(absolute).toString().replace('\\', '/');
                        return relative.isEmpty() ? "." : relative;
                    }
                }
            } catch (InvalidPathException e) {
                // not a path of this platform: kept as given below
            }
            return keep(slashed, "is outside the scan root");
        }
        return relativeToRoot(slashed, reported);
    }

    /**
     * A path relative to the root for one a tool wrote relative to {@code base} (an absolute directory, or a
     * directory relative to the root), e.g. Grype's {@code /package-lock.json} for a scan of {@code /src}.
     */
    String relativizeAgainst(String base, String reported) {
        if (reported == null || reported.isBlank()) {
            return null;
        }
        if (base == null || base.isBlank()) {
            return relativize(reported);
        }
        String trimmed = reported.replace('\\', '/');
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        String joined = base.replace('\\', '/');
        joined = joined.endsWith("/") ? joined + trimmed : joined + "/" + trimmed;
        return relativize(joined);
    }

    private String relativeToRoot(String slashed, String reported) {
        StringBuilder normalized = new StringBuilder();
        int depth = 0;
        for (String segment : slashed.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                int cut = normalized.lastIndexOf("/");
                if (depth == 0) {
                    return keep(slashed, "points outside the scan root");
                }
                normalized.setLength(Math.max(cut, 0));
                depth--;
                continue;
            }
            if (!normalized.isEmpty()) {
                normalized.append('/');
            }
            normalized.append(segment);
            depth++;
        }
        return normalized.isEmpty() ? keep(reported, "names no file") : normalized.toString();
    }

    private String keep(String path, String why) {
        warnings.accept("Path '" + path + "' " + why + "; kept as given");
        return path;
    }

    private static boolean hasScheme(String text) {
        int colon = text.indexOf(':');
        if (colon < 2) {
            return false;
        }
        String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
        return scheme.chars().allMatch(c -> (c >= 'a' && c <= 'z') || c == '+' || c == '-' || c == '.')
                && text.startsWith("//", colon + 1);
    }

    /** Decodes {@code %XX} escapes as UTF-8; malformed escapes are kept as they are. */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && HexFormat.isHexDigit(text.charAt(i + 1))
                    && HexFormat.isHexDigit(text.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String fromFileUri(String text) {
        String rest = text.substring(5);
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            if (!authority.isEmpty() && !authority.equalsIgnoreCase("localhost")) {
                return null;
            }
            rest = slash < 0 ? "/" : rest.substring(slash);
        }
        String path = percentDecode(rest);
        if (path.length() > 2 && path.charAt(0) == '/' && path.charAt(2) == ':') {
            path = path.substring(1);
        }
        return path;
    }

}
