package io.jenkins.plugins.devsecops.imports;

import io.jenkins.plugins.devsecops.model.Component;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads package URLs ({@code pkg:type/namespace/name@version?qualifiers#subpath}) into components. */
final class PackageUrls {

    private PackageUrls() {
    }

    /**
     * The component a purl names; {@code null} when the text is not a purl. Maven names become
     * {@code group:artifact}, npm scoped names {@code @scope/name}.
     */
    static Component component(String purl) {
        if (purl == null || !purl.startsWith("pkg:") || purl.length() > 2000) {
            return null;
        }
        String rest = purl.substring(4);
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int question = rest.indexOf('?');
        if (question >= 0) {
            rest = rest.substring(0, question);
        }
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        String type = rest.substring(0, slash).toLowerCase(Locale.ROOT);
        String path = rest.substring(slash + 1);
        String version = null;
        int at = path.lastIndexOf('@');
        if (at > 0) {
            version = decode(path.substring(at + 1));
            path = path.substring(0, at);
        }
        int lastSlash = path.lastIndexOf('/');
        String namespace = lastSlash > 0 ? decode(path.substring(0, lastSlash)) : null;
        String name = decode(path.substring(lastSlash + 1));
        if (name.isEmpty()) {
            return null;
        }
        String fullName = namespace == null ? name : type.equals("maven") ? namespace + ":" + name : namespace + "/" + name;
        return Component.of(purl, fullName, version, ecosystem(type));
    }

    /** The OSV ecosystem name for a purl type, or the type itself. */
    static String ecosystem(String type) {
        return switch (type) {
            case "maven" -> "Maven";
            case "npm" -> "npm";
            case "pypi" -> "PyPI";
            case "gem" -> "RubyGems";
            case "golang" -> "Go";
            case "cargo" -> "crates.io";
            case "nuget" -> "NuGet";
            case "composer" -> "Packagist";
            default -> type;
        };
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
