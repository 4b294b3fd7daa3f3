package io.jenkins.plugins.devsecops.packages.lockfile;

import io.jenkins.plugins.devsecops.scan.ParserErrors;
import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Finds the Maven artifacts built into Java archives ({@code *.jar}, {@code *.war}, {@code *.ear}): every
 * {@code META-INF/maven/<group>/<artifact>/pom.properties}, in nested archives too ({@code WEB-INF/lib},
 * {@code BOOT-INF/lib}, EAR modules). Archives are read as streams, never extracted, so entry names cannot escape
 * anywhere; nesting depth, entry count and uncompressed bytes are capped against zip bombs.
 */
public final class JavaArchiveParser implements LockfileParser {

    static final int MAX_DEPTH = 4;
    static final int MAX_ENTRIES = 200_000;
    static final long MAX_NESTED_BYTES = 64L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 512L * 1024 * 1024;

    @Override
    public String format() {
        return "Java archive";
    }

    @Override
    public boolean accepts(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".war") || name.endsWith(".ear");
    }

    @Override
    public boolean binary() {
        return true;
    }

    /** Budget shared by the archive and everything nested in it. */
    private static final class Budget {
        int entries;
        long bytes;
        boolean exceeded;
    }

    @Override
    public LockfileResult parse(Lockfile file) throws LockfileException {
        List<LockedPackage> packages = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Budget budget = new Budget();
        byte[] bytes = file.bytes();
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            // a Git LFS pointer or a placeholder is common in repositories: a warning, not an error
            boolean lfs = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.ISO_8859_1)
                    .startsWith("version https://git-lfs");
            return new LockfileResult(List.of(), List.of("not a zip archive" + (lfs ? " but a Git LFS pointer"
                    : ": the file does not start with a zip header") + "; no packages were read from it"));
        }
        try {
            read(bytes, List.of(file.fileName()), file, packages, warnings, budget, 0);
        } catch (IOException | IllegalArgumentException e) {
            throw new LockfileException("not a readable zip archive: " + describe(e), e);
        }
        if (budget.exceeded) {
            warnings.add("archive exceeds the size or entry limits; the rest of it was not read");
        }
        return new LockfileResult(packages, warnings);
    }

    private void read(byte[] archive, List<String> chain, Lockfile file, List<LockedPackage> packages,
            List<String> warnings, Budget budget, int depth) throws IOException {
        String sha1 = sha1(archive);
        boolean first = true;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++budget.entries > MAX_ENTRIES) {
                    budget.exceeded = true;
                    return;
                }
                String name = entry.getName();
                String lower = name.toLowerCase(Locale.ROOT);
                if (entry.isDirectory()) {
                    continue;
                }
                if (lower.startsWith("meta-inf/maven/") && lower.endsWith("/pom.properties")) {
                    byte[] content = readCapped(zip, 1024 * 1024, budget);
                    if (content == null) {
                        continue;
                    }
                    Properties properties = new Properties();
                    properties.load(new ByteArrayInputStream(content));
                    String groupId = properties.getProperty("groupId");
                    String artifactId = properties.getProperty("artifactId");
                    String version = properties.getProperty("version");
                    if (isText(groupId) && isText(artifactId) && isText(version)) {
                        String coordinates = groupId.strip() + ":" + artifactId.strip();
                        List<String> path = new ArrayList<>(chain);
                        path.add(coordinates);
                        LockedPackage.Builder builder = LockedPackage.builder(Ecosystem.MAVEN, file.path())
                                .name(coordinates).version(version.strip()).dependencyPath(path);
                        // the archive's own hash belongs to its first artifact, when it has exactly one
                        if (first && countPomProperties(archive) == 1) {
                            builder.hash("SHA-1", sha1);
                        }
                        first = false;
                        packages.add(builder.build());
                    }
                } else if (depth < MAX_DEPTH && (lower.endsWith(".jar") || lower.endsWith(".war")
                        || lower.endsWith(".ear"))) {
                    byte[] nested = readCapped(zip, MAX_NESTED_BYTES, budget);
                    if (nested == null) {
                        warnings.add("nested archive " + name + " is larger than the limit and was not read");
                        continue;
                    }
                    List<String> nestedChain = new ArrayList<>(chain);
                    nestedChain.add(name.substring(name.lastIndexOf('/') + 1));
                    try {
                        read(nested, nestedChain, file, packages, warnings, budget, depth + 1);
                    } catch (IOException | IllegalArgumentException e) {
                        warnings.add("nested archive " + name + " is not a readable zip: " + describe(e));
                    }
                }
                if (budget.exceeded) {
                    return;
                }
            }
        }
    }

    /** What went wrong, in words, also for exceptions without a message (a truncated entry); never content. */
    private static String describe(Exception e) {
        if (e instanceof java.io.EOFException) {
            return "it ends inside an entry (truncated or corrupt)";
        }
        if (e instanceof java.util.zip.ZipException) {
            return "its zip structure is corrupt";
        }
        return ParserErrors.describe(e);
    }

    private static int countPomProperties(byte[] archive) throws IOException {
        int count = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = zip.getNextEntry()) != null && ++seen < MAX_ENTRIES) {
                String lower = entry.getName().toLowerCase(Locale.ROOT);
                if (lower.startsWith("meta-inf/maven/") && lower.endsWith("/pom.properties")) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Reads at most {@code limit} bytes of the current entry; {@code null} when it is larger. */
    private static byte[] readCapped(InputStream in, long limit, Budget budget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            total += read;
            budget.bytes += read;
            if (budget.bytes > MAX_TOTAL_BYTES) {
                budget.exceeded = true;
                return null;
            }
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static boolean isText(String value) {
        return value != null && !value.isBlank() && !value.contains("${");
    }

    private static String sha1(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-1", e);
        }
    }
}
