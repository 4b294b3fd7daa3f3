package io.jenkins.plugins.devsecops.images.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * An image platform, {@code os/architecture[/variant]} as in {@code linux/arm64/v8}.
 *
 * @param variant {@code null} when none is named
 */
public record Platform(String os, String architecture, String variant) {

    /** The platform scanned when none is named. */
    public static final Platform DEFAULT = new Platform("linux", "amd64", null);

    /**
     * Parses {@code os/architecture[/variant]}.
     *
     * @throws IllegalArgumentException when it is not of that form
     */
    public static Platform parse(String text) {
        String[] parts = text.strip().toLowerCase(Locale.ROOT).split("/");
        if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("A platform is os/architecture[/variant], e.g. linux/amd64; was '" + text + "'");
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /** The platform of an OCI index entry's {@code platform} object, or {@code null} when it has none. */
    static Platform of(JsonNode platform) {
        if (platform == null || !platform.isObject() || !platform.path("os").isTextual()) {
            return null;
        }
        String variant = platform.path("variant").isTextual() ? platform.path("variant").asText() : null;
        return new Platform(platform.path("os").asText().toLowerCase(Locale.ROOT),
                platform.path("architecture").asText("").toLowerCase(Locale.ROOT), variant);
    }

    /** Whether an image of {@code other} runs as this platform (a missing variant matches any, arm64 means v8). */
    public boolean matches(Platform other) {
        if (other == null || !os.equals(other.os) || !architecture.equals(other.architecture)) {
            return false;
        }
        if (variant == null || other.variant == null) {
            return true;
        }
        return variant.equals(other.variant);
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
