package io.jenkins.plugins.devsecops.packages.lockfile;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Converts the hash notations lockfiles use into CycloneDX algorithm names and hex values. */
final class Hashes {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Map<String, String> ALGORITHMS = Map.of(
            "sha1", "SHA-1", "sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512", "md5", "MD5");

    private static final Map<Integer, String> BY_LENGTH = Map.of(
            40, "SHA-1", 64, "SHA-256", 96, "SHA-384", 128, "SHA-512");

    private Hashes() {
    }

    /** The CycloneDX name of an algorithm written as {@code sha512}, {@code SHA-256}, ...; {@code null} if unknown. */
    static String algorithm(String name) {
        return name == null ? null : ALGORITHMS.get(name.toLowerCase(Locale.ROOT).replace("-", ""));
    }

    /** The hex of a Subresource Integrity value such as {@code sha512-<base64>}; {@code null} when it is not one. */
    static String[] fromIntegrity(String integrity) {
        if (integrity == null) {
            return null;
        }
        String first = beforeWhitespace(integrity.trim());
        int dash = first.indexOf('-');
        if (dash <= 0) {
            return null;
        }
        String algorithm = algorithm(first.substring(0, dash));
        String hex = base64ToHex(first.substring(dash + 1));
        return algorithm == null || hex == null ? null : new String[] {algorithm, hex};
    }

    /** {@code text} up to its first {@code \s} character ({@code [ \t\n\x0B\f\r]}), or all of it. */
    private static String beforeWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return text.substring(0, i);
            }
        }
        return text;
    }

    /** The hex of a base64 value, or {@code null} when it is not base64. */
    static String base64ToHex(String base64) {
        try {
            return HexFormat.of().formatHex(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The algorithm of a plain hex digest, guessed from its length; {@code null} when it is not hex. */
    static String algorithmOfHex(String hex) {
        if (hex == null || !HEX.matcher(hex).matches()) {
            return null;
        }
        return BY_LENGTH.get(hex.length());
    }
}
