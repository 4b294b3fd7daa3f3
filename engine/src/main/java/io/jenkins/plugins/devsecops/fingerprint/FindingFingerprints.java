package io.jenkins.plugins.devsecops.fingerprint;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingHead;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Gives every finding that has none a stable fingerprint that survives line moves, re-indentation and unrelated
 * edits in the same file:
 * <ul>
 *   <li>dependencies: (ecosystem, package, advisory) — the version is left out, so an upgrade to another vulnerable
 *       version is the same problem;</li>
 *   <li>DAST (a {@code url} property): (rule, URL without query values, parameter);</li>
 *   <li>code, IaC and secrets: (stage, rule, path, the finding's statement — its line, joined with earlier lines
 *       that end in a continuing operator — with all whitespace removed, the header of its enclosing block, and the
 *       occurrence number among identical such statements of that file) — never the line number.</li>
 * </ul>
 * A fingerprint a stage already set is kept: the secrets stage sets its own salted one, and a secret is never
 * rehashed here (its line is never read from disk; only its already redacted snippet is used).
 */
public final class FindingFingerprints {

    /** Files larger than this are not read for context; the fingerprint then falls back to the snippet or line. */
    public static final long MAX_CONTEXT_FILE_BYTES = 10L * 1024 * 1024;

    private static final String SECRETS_STAGE = "secrets";
    private static final char SEPARATOR = '\u0000';
    private static final int HEADER_LOOKBACK = 200;
    private static final int CONTINUATION_LOOKBACK = 5;

    private FindingFingerprints() {
    }

    /** The finding itself when it has a fingerprint, else a copy with one computed from the finding alone. */
    public static Finding ensure(Finding finding) {
        if (hasFingerprint(finding)) {
            return finding;
        }
        return finding.toBuilder().fingerprint(sha256(identity(finding, contextOf(finding, null)) + SEPARATOR + 0))
                .build();
    }

    /**
     * Fingerprints every finding that has none, reading a finding's line from {@code root} when it carries no
     * snippet, and numbering identical lines of one file in line order so that each keeps its own identity.
     *
     * @param findings findings in any order; the result has the same order
     * @param root the scan root the findings' paths are relative to, or {@code null}
     */
    public static List<Finding> ensureAll(List<Finding> findings, Path root) {
        // Only the findings without a fingerprint are held (built-in stages set their own): the others' heads are read
        // to find them (a spilled finding is not decoded) and their records moved to the result, so that a large list
        // stays on disk (FindingList).
        Map<Integer, Finding> pendingFindings = new LinkedHashMap<>();
        int index = 0;
        for (Iterator<FindingHead> heads = FindingList.heads(findings); heads.hasNext(); ) {
            String fingerprint = heads.next().fingerprint();
            if (fingerprint == null || fingerprint.isBlank()) {
                pendingFindings.put(index, findings.get(index));
            }
            index++;
        }
        if (pendingFindings.isEmpty()) {
            return findings;
        }
        List<Integer> pending = new ArrayList<>(pendingFindings.keySet());
        // Visit findings file by file, so that at most one file's lines are held in memory at a time.
        pending.sort(Comparator.comparing((Integer i) -> pendingFindings.get(i).location() == null ? ""
                : pendingFindings.get(i).location().path()));
        OneFileCache cache = new OneFileCache(root);
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i : pending) {
            Finding finding = pendingFindings.get(i);
            String identity = identity(finding, contextOf(finding, root == null ? null : cache::lines));
            groups.computeIfAbsent(identity, k -> new ArrayList<>()).add(i);
        }
        Map<Integer, Finding> result = new HashMap<>();
        for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
            List<Integer> members = group.getValue();
            members.sort(Comparator.comparingInt((Integer i) -> line(pendingFindings.get(i)))
                    .thenComparingInt(i -> column(pendingFindings.get(i))));
            for (int occurrence = 0; occurrence < members.size(); occurrence++) {
                int member = members.get(occurrence);
                result.put(member, pendingFindings.get(member).toBuilder()
                        .fingerprint(sha256(group.getKey() + SEPARATOR + occurrence)).build());
            }
        }
        FindingList.Builder out = FindingList.builder().expect(findings.size());
        for (int position = 0; position < findings.size(); position++) {
            Finding fingerprinted = result.get(position);
            if (fingerprinted == null) {
                out.addFrom(findings, position);
            } else {
                out.add(fingerprinted);
            }
        }
        return out.build();
    }

    private static boolean hasFingerprint(Finding finding) {
        return finding.fingerprint() != null && !finding.fingerprint().isBlank();
    }

    private static int line(Finding finding) {
        return finding.location() == null ? 0 : finding.location().startLine();
    }

    private static int column(Finding finding) {
        return finding.location() == null ? 0 : finding.location().startColumn();
    }

    /** Reads the lines of one file under the scan root. */
    private interface LineSource {
        List<String> lines(String path);
    }

    /** Keeps the lines of the last file read. */
    private static final class OneFileCache {
        private final Path root;
        private String path;
        private List<String> lines;

        OneFileCache(Path root) {
            this.root = root;
        }

        List<String> lines(String wanted) {
            if (!wanted.equals(path)) {
                path = wanted;
                lines = readLines(root, wanted);
            }
            return lines;
        }
    }

    /**
     * The normalised context of a code finding: its snippet or its line, whitespace removed, and, when the file can
     * be read, the enclosing block's header (the nearest line above that is less indented, e.g. {@code ingress {} or
     * a method signature), so identical lines in different blocks stay apart. Null when nothing is known.
     */
    private static String contextOf(Finding finding, LineSource source) {
        Location location = finding.location();
        if (location == null || finding.component() != null || finding.properties().containsKey("url")) {
            return null;
        }
        boolean secret = SECRETS_STAGE.equals(finding.stage());
        List<String> lines = source == null || secret || location.startLine() <= 0 ? null
                : source.lines(location.path());
        if (lines != null && location.startLine() > lines.size()) {
            lines = null;
        }
        String text;
        int start = location.startLine();
        String snippet = location.snippet();
        if (lines != null) {
            start = statementStart(lines, location.startLine());
        }
        if (snippet != null && !snippet.isBlank()) {
            StringBuilder flagged = new StringBuilder();
            for (int line = start; line < location.startLine(); line++) {
                flagged.append(lines.get(line - 1));
            }
            text = normalise(flagged.append(snippet).toString());
        } else if (lines != null) {
            StringBuilder flagged = new StringBuilder();
            int end = Math.min(lines.size(), Math.min(location.endLine(), location.startLine() + 20));
            for (int line = start; line <= end; line++) {
                flagged.append(lines.get(line - 1));
            }
            text = normalise(flagged.toString());
        } else {
            return null;
        }
        if (text.isEmpty()) {
            return null;
        }
        return lines == null ? text : text + SEPARATOR + normalise(enclosingHeader(lines, start));
    }

    /**
     * The first line of the statement {@code line} (1-based) belongs to: earlier lines are joined while they end
     * with an operator that continues onto the next line ({@code [ ( = + \ && || ?}), at most
     * {@link #CONTINUATION_LOOKBACK} of them. So {@code cidr = ["0.0.0.0/0"]} re-wrapped as {@code cidr = [} /
     * {@code "0.0.0.0/0"]} keeps its identity. Block openers ({@code {}, {@code :}) and commas do not continue:
     * joining every list item or block body with its neighbours would make unrelated edits matter.
     */
    static int statementStart(List<String> lines, int line) {
        int start = line;
        while (start > 1 && line - start < CONTINUATION_LOOKBACK && continues(lines.get(start - 2))) {
            start--;
        }
        return start;
    }

    private static boolean continues(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return false;
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        return last == '[' || last == '(' || last == '=' || last == '+' || last == '\\' || last == '?'
                || trimmed.endsWith("&&") || trimmed.endsWith("||");
    }

    /** The nearest non-blank line above {@code line} (1-based) that is less indented, or "" at the top level. */
    static String enclosingHeader(List<String> lines, int line) {
        int indent = indentation(lines.get(line - 1));
        for (int above = line - 1, seen = 0; above >= 1 && seen < HEADER_LOOKBACK; above--, seen++) {
            String candidate = lines.get(above - 1);
            if (!candidate.isBlank() && indentation(candidate) < indent) {
                return candidate;
            }
        }
        return "";
    }

    /** The indentation width of a line, a tab counting as four columns. */
    private static int indentation(String line) {
        int width = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                width++;
            } else if (c == '\t') {
                width += 4;
            } else {
                break;
            }
        }
        return width;
    }

    /** The text with every whitespace character removed, so re-indentation and re-wrapping do not matter. */
    static String normalise(String text) {
        StringBuilder result = new StringBuilder(text.length());
        text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(result::appendCodePoint);
        return result.toString();
    }

    /** What identifies the problem, before the occurrence number. */
    private static String identity(Finding finding, String context) {
        StringBuilder key = new StringBuilder();
        if (finding.component() != null && !SECRETS_STAGE.equals(finding.stage())) {
            key.append("dependency").append(SEPARATOR)
                    .append(lower(finding.component().ecosystem())).append(SEPARATOR)
                    .append(finding.component().name() == null ? finding.component().purl()
                            : finding.component().name()).append(SEPARATOR)
                    .append(finding.ruleId());
            return key.toString();
        }
        String url = finding.properties().get("url");
        if (url != null) {
            key.append("dast").append(SEPARATOR).append(finding.ruleId()).append(SEPARATOR)
                    .append(normaliseUrl(url)).append(SEPARATOR)
                    .append(finding.properties().getOrDefault("parameter", ""));
            return key.toString();
        }
        key.append("code").append(SEPARATOR).append(finding.stage()).append(SEPARATOR).append(finding.ruleId());
        Location location = finding.location();
        if (location == null) {
            return key.append(SEPARATOR).append(finding.title()).toString();
        }
        key.append(SEPARATOR).append(location.path()).append(SEPARATOR);
        if (context != null) {
            key.append("context").append(SEPARATOR).append(context);
        } else if (location.startLine() > 0) {
            key.append("line").append(SEPARATOR).append(location.startLine());
        } else {
            key.append("file").append(SEPARATOR).append(finding.title());
        }
        return key.toString();
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    /** Scheme, lower-case host, port and path, and the sorted names of the query parameters (not their values). */
    static String normaliseUrl(String url) {
        try {
            URI uri = new URI(url.trim());
            StringBuilder result = new StringBuilder().append(lower(uri.getScheme())).append("://")
                    .append(lower(uri.getHost()));
            if (uri.getPort() >= 0) {
                result.append(':').append(uri.getPort());
            }
            result.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
            if (uri.getRawQuery() != null) {
                TreeSet<String> names = new TreeSet<>();
                for (String pair : uri.getRawQuery().split("&")) {
                    int equals = pair.indexOf('=');
                    names.add(equals < 0 ? pair : pair.substring(0, equals));
                }
                result.append('?').append(String.join("&", names));
            }
            return result.toString();
        } catch (URISyntaxException e) {
            return url.trim();
        }
    }

    private static List<String> readLines(Path root, String path) {
        try {
            Path file = root.resolve(path).normalize();
            if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || Files.size(file) > MAX_CONTEXT_FILE_BYTES) {
                return null;
            }
            try (InputStream in = Files.newInputStream(file)) {
                return new String(in.readNBytes((int) MAX_CONTEXT_FILE_BYTES), StandardCharsets.UTF_8).lines().toList();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * One SHA-256 digest per thread: every finding gets a fingerprint, and looking the algorithm up in the security
     * providers for each one cost a sixth of the hashing.
     */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    });
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** The lower-case hex SHA-256 of {@code text} in UTF-8. */
    public static String sha256(String text) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        byte[] hash = digest.digest(text.getBytes(StandardCharsets.UTF_8));
        byte[] hex = new byte[hash.length * 2];
        for (int i = 0; i < hash.length; i++) {
            hex[2 * i] = HEX_DIGITS[(hash[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX_DIGITS[hash[i] & 0xF];
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }
}
