package io.jenkins.plugins.devsecops.report;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns a finding's path into a SARIF artifact URI: a relative URI reference (percent-encoded, {@code /}-separated)
 * for paths under the scan root, an absolute {@code file:} URI for absolute paths an imported tool reported.
 */
final class ArtifactUris {

    private static final String UNRESERVED_PATH_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@";

    /** Per ASCII character: whether it stays as it is in a path ({@code /} and the unreserved characters). */
    private static final boolean[] KEPT = new boolean[0x80];

    static {
        KEPT['/'] = true;
        for (int i = 0; i < UNRESERVED_PATH_CHARS.length(); i++) {
            KEPT[UNRESERVED_PATH_CHARS.charAt(i)] = true;
        }
    }

    private ArtifactUris() {
    }

    /** Whether {@code path} is absolute (POSIX {@code /x} or Windows {@code C:/x}, {@code C:\x}, {@code \\host}). */
    static boolean isAbsolute(String path) {
        String p = path.replace('\\', '/');
        return p.startsWith("/") || p.length() >= 3 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':'
                && p.charAt(2) == '/';
    }

    /**
     * The percent-encoded relative URI of a root-relative path, without any leading {@code ./}. Colons are encoded
     * too: a file named {@code http:x} must not read as a URI with a scheme. The path is already {@code /}-separated:
     * a backslash in it is part of a file name ({@code back\\slash.env}) and is encoded as {@code %5C}.
     */
    static String relative(String path) {
        String p = path;
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return encodePath(p).replace(":", "%3A");
    }

    /** The {@code file:} URI of an absolute path. */
    static String absolute(String path) {
        String p = path.replace('\\', '/');
        if (p.startsWith("//")) {
            return "file:" + encodePath(p);
        }
        return "file://" + (p.startsWith("/") ? "" : "/") + encodePath(p);
    }

    /** An absolute directory as a {@code file:} URI that ends with {@code /}, as SARIF wants base URIs. */
    static String directory(String path) {
        String uri = absolute(path);
        return uri.endsWith("/") ? uri : uri + "/";
    }

    private static String encodePath(String path) {
        int length = path.length();
        int i = 0;
        while (i < length && path.charAt(i) < 0x80 && KEPT[path.charAt(i)]) {
            i++;
        }
        if (i == length) {
            return path; // nothing to encode (most paths)
        }
        StringBuilder out = new StringBuilder(path.length() + 8);
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c < 0x80 && KEPT[c]) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }
}
