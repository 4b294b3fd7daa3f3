package io.jenkins.plugins.devsecops.packages.lockfile;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Go module's {@code go.mod}: {@code require} lines (single and blocks; {@code // indirect} marks
 * transitive ones) with {@code replace} directives applied (a replacement by a local path drops the module, one
 * by another module or version takes its place). Since Go 1.17 go.mod lists every module of the build. A
 * {@code toolchain goX.Y.Z} directive names the exact Go release, reported as the module {@code stdlib} (as the Go
 * vulnerability database calls it); the {@code go} directive is only a minimum language version and is not.
 */
public final class GoModParser implements LockfileParser {

    /** One required module. */
    private record Requirement(String module, String version, int line, boolean indirect) {
    }

    @Override
    public String format() {
        return "go.mod";
    }

    @Override
    public boolean accepts(String fileName) {
        return fileName.equals("go.mod");
    }

    @Override
    public LockfileResult parse(Lockfile file) throws LockfileException {
        List<Requirement> requirements = new ArrayList<>();
        Map<String, String[]> replacements = new LinkedHashMap<>();
        String[] lines = file.textLines();
        String block = null;
        boolean sawModule = false;
        String toolchain = null;
        int toolchainLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            boolean indirect = raw.contains("// indirect");
            int comment = raw.indexOf("//");
            String line = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (block != null) {
                if (line.equals(")")) {
                    block = null;
                } else {
                    directive(block, line, i + 1, indirect, requirements, replacements);
                }
                continue;
            }
            String[] words = line.split("\\s+", 2);
            if (words[0].equals("module")) {
                sawModule = true;
            }
            if (words[0].equals("toolchain") && words.length == 2 && words[1].matches("go\\d+\\.\\d+(\\.\\d+)?")) {
                toolchain = "v" + words[1].substring(2);
                toolchainLine = i + 1;
            }
            if (words.length == 2 && words[1].equals("(")) {
                block = words[0];
            } else if (words.length == 2) {
                directive(words[0], words[1], i + 1, indirect, requirements, replacements);
            }
        }
        if (!sawModule && requirements.isEmpty()) {
            throw new LockfileException("no 'module' or 'require' directive: not a go.mod file");
        }
        List<LockedPackage> packages = new ArrayList<>();
        for (Requirement requirement : requirements) {
            String module = requirement.module();
            String version = requirement.version();
            String[] replacement = replacements.getOrDefault(module + "@" + version, replacements.get(module));
            if (replacement != null) {
                if (replacement[1] == null) {
                    continue;
                }
                module = replacement[0];
                version = replacement[1];
            }
            packages.add(LockedPackage.builder(Ecosystem.GO, file.path()).name(module).version(version)
                    .line(requirement.line()).direct(!requirement.indirect())
                    .dependencyPath(requirement.indirect() ? List.of() : List.of(module)).build());
        }
        if (toolchain != null) {
            packages.add(LockedPackage.builder(Ecosystem.GO, file.path()).name("stdlib").version(toolchain)
                    .line(toolchainLine).direct(true).dependencyPath(List.of("stdlib")).scope("toolchain").build());
        }
        return LockfileResult.of(packages);
    }

    private static void directive(String verb, String arguments, int line, boolean indirect,
            List<Requirement> requirements, Map<String, String[]> replacements) {
        String[] words = arguments.replace("\"", "").strip().split("\\s+");
        if (verb.equals("require") && words.length >= 2) {
            requirements.add(new Requirement(words[0], words[1], line, indirect));
        } else if (verb.equals("replace")) {
            int arrow = List.of(words).indexOf("=>");
            if (arrow < 1 || arrow + 1 >= words.length) {
                return;
            }
            String from = arrow == 2 ? words[0] + "@" + words[1] : words[0];
            String target = words[arrow + 1];
            boolean local = target.startsWith(".") || target.startsWith("/");
            String targetVersion = local || arrow + 2 >= words.length ? null : words[arrow + 2];
            replacements.put(from, new String[] {target, targetVersion});
        }
    }
}
