package io.jenkins.plugins.devsecops.assessment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Where the CLI keeps a scanned tree's history by default: in the user's cache, never inside the tree (a history
 * committed to a repository would otherwise become the reference a pull request is judged against).
 * {@code $XDG_CACHE_HOME/devsecops/<repository id>}, or {@code ~/.cache/devsecops/<repository id>} when
 * {@code XDG_CACHE_HOME} is unset or not absolute. The repository id is the scanned directory's name (letters,
 * digits, {@code .-_} only, at most 40 characters) followed by the first 16 hex digits of the SHA-256 of its
 * canonical path (symbolic links resolved): stable for one checkout, distinct for two clones of one repository.
 */
public final class HistoryLocation {

    /** The cache subdirectory holding every repository's history. */
    public static final String CACHE_DIRECTORY = "devsecops";

    private HistoryLocation() {
    }

    /**
     * The default history directory of {@code root}.
     *
     * @param environment the process environment ({@code XDG_CACHE_HOME} is read from it)
     * @param userHome the user's home directory, for the fallback
     */
    public static Path defaultDirectory(Path root, Map<String, String> environment, Path userHome) {
        return cacheHome(environment, userHome).resolve(CACHE_DIRECTORY).resolve(repositoryId(root));
    }

    /** {@code $XDG_CACHE_HOME} when set to an absolute path, else {@code ~/.cache}. */
    static Path cacheHome(Map<String, String> environment, Path userHome) {
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        return userHome.resolve(".cache");
    }

    /** The id of a scanned tree: its sanitised name, a dash and 16 hex digits of its canonical path's hash. */
    public static String repositoryId(Path root) {
        Path canonical;
        try {
            canonical = root.toRealPath();
        } catch (IOException e) {
            canonical = root.toAbsolutePath().normalize();
        }
        String name = canonical.getFileName() == null ? "root" : canonical.getFileName().toString();
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_").toLowerCase(Locale.ROOT);
        if (safe.length() > 40) {
            safe = safe.substring(0, 40);
        }
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "_" + safe;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return safe + "-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
