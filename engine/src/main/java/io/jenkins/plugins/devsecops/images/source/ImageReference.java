package io.jenkins.plugins.devsecops.images.source;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A registry image reference, {@code [registry[:port]/]repository[:tag][@sha256:digest]}, with Docker's defaults:
 * no registry means Docker Hub ({@code library/} for one-part names), no tag means {@code latest}.
 *
 * @param registry the registry host (and port), e.g. {@code registry.example.com:5000}
 * @param repository e.g. {@code library/debian}
 * @param tag the tag, or {@code null} when a digest is given
 * @param digest {@code sha256:<hex>}, or {@code null}
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

    private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(?::[0-9]{1,5})?|\\[[0-9a-fA-F:]+\\](?::[0-9]{1,5})?");

    /**
     * Parses a reference.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static ImageReference parse(String text) {
        String rest = text.strip();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!digest.matches("sha256:[0-9a-f]{64}")) {
                throw new IllegalArgumentException("bad digest in image reference '" + text + "'");
            }
        }
        String registry = "docker.io";
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost") || first.startsWith("[")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException("bad tag in image reference '" + text + "'");
            }
        }
        if (!REPOSITORY.matcher(rest).matches() || !HOST.matcher(registry).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an image reference");
        }
        if (registry.equals("docker.io") && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return new ImageReference(registry.toLowerCase(Locale.ROOT), rest, tag, digest);
    }

    /** The host the registry API is served at ({@code registry-1.docker.io} for Docker Hub). */
    public String apiHost() {
        return registry.equals("docker.io") ? "registry-1.docker.io" : registry;
    }

    /** The tag or digest to ask the manifest of. */
    public String manifestReference() {
        return digest != null ? digest : tag;
    }

    @Override
    public String toString() {
        return registry + "/" + repository + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }
}
