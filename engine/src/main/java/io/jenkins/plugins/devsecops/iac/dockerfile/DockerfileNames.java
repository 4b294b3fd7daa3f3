package io.jenkins.plugins.devsecops.iac.dockerfile;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which files are Dockerfiles: {@code Dockerfile} and {@code Containerfile} by name alone; the variants
 * {@code Dockerfile.*}, {@code Dockerfile_*}, {@code Dockerfile-*}, {@code *.Dockerfile}, {@code *.dockerfile} and
 * {@code Containerfile.*} only when their content starts like one (a parser directive such as {@code # syntax=}, or
 * {@code FROM} or {@code ARG} as the first instruction), so that {@code Dockerfile.java} or {@code Dockerfile.md} are
 * left alone.
 */
public final class DockerfileNames {

    /** Extensions that make a {@code Dockerfile.*} name a source or document file, not a Dockerfile variant. */
    private static final Set<String> OTHER_LANGUAGES = Set.of("java", "kt", "groovy", "scala", "go", "py", "js",
            "mjs", "ts", "rb", "rs", "cs", "c", "h", "cpp", "php", "md", "adoc", "rst", "html", "json", "yaml",
            "yml", "xml", "toml", "sh", "bash", "ps1", "bat", "j2", "tpl", "erb", "mustache", "tmpl");
    private static final Pattern DIRECTIVE = Pattern.compile("#\\s*(syntax|escape|check)\\s*=.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FIRST_INSTRUCTION = Pattern.compile("(?i)(FROM|ARG)\\s.*");
    private static final int MAX_LINES_LOOKED_AT = 200;

    private DockerfileNames() {
    }

    /** Whether the name alone makes a file a Dockerfile: {@code Dockerfile} or {@code Containerfile}, any case. */
    public static boolean isExact(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.equals("dockerfile") || lower.equals("containerfile");
    }

    /** Whether the name is one a Dockerfile may have; variants need {@link #startsLikeDockerfile} too. */
    public static boolean isCandidate(String fileName) {
        return isCandidateLowered(fileName.toLowerCase(Locale.ROOT));
    }

    /** {@link #isCandidate} of a name already in lower case ({@code toLowerCase(Locale.ROOT)}). */
    public static boolean isCandidateLowered(String lower) {
        if (lower.equals("dockerfile") || lower.equals("containerfile")
                || lower.endsWith(".dockerfile") && lower.length() > ".dockerfile".length()) {
            return true;
        }
        for (String prefix : new String[] {"dockerfile.", "dockerfile_", "dockerfile-", "containerfile."}) {
            if (lower.startsWith(prefix) && lower.length() > prefix.length()) {
                String rest = lower.substring(prefix.length());
                return !prefix.endsWith(".") || !OTHER_LANGUAGES.contains(rest);
            }
        }
        return false;
    }

    /**
     * Whether the text starts like a Dockerfile: blank and comment lines skipped, the first line is a parser directive
     * ({@code # syntax=}, {@code # escape=}) or an instruction {@code FROM}/{@code ARG}.
     */
    public static boolean startsLikeDockerfile(String text) {
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        for (int seen = 0; seen < MAX_LINES_LOOKED_AT && start < text.length(); seen++) {
            int end = text.indexOf('\n', start);
            String line = (end < 0 ? text.substring(start) : text.substring(start, end)).strip();
            start = end < 0 ? text.length() : end + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (DIRECTIVE.matcher(line).matches()) {
                    return true;
                }
                continue;
            }
            return FIRST_INSTRUCTION.matcher(line).matches();
        }
        return false;
    }
}
