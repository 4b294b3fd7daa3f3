package io.jenkins.plugins.devsecops.packages.lockfile;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads pip requirements files ({@code requirements*.txt}, {@code requirements/*.txt}): pinned {@code name==version}
 * (and {@code ===}) lines with extras, environment markers, {@code --hash} options and backslash continuations;
 * {@code -r}/{@code -c} includes are followed inside the scan root, each package located in the file that names it.
 * Every listed requirement is direct. Unpinned requirements cannot be checked and are counted in a warning.
 */
public final class RequirementsParser implements LockfileParser {

    private static final Pattern REQUIREMENT = Pattern.compile(
            "^([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(?:\\[[^\\]]*])?\\s*(===|==|>=|<=|~=|!=|>|<)?\\s*([^;\\s,]*)(.*)$");
    private static final Pattern HASH = Pattern.compile("--hash[=\\s]+(sha256|sha384|sha512):([0-9a-fA-F]+)");
    private static final int MAX_INCLUDES = 50;

    @Override
    public String format() {
        return "requirements.txt";
    }

    @Override
    public boolean accepts(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") && name.startsWith("requirements") || name.endsWith(".pip");
    }

    @Override
    public LockfileResult parse(Lockfile file) throws LockfileException {
        List<LockedPackage> packages = new ArrayList<>();
        List<String> unpinned = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        read(file, packages, unpinned, visited);
        List<String> warnings = unpinned.isEmpty() ? List.of()
                : List.of(unpinned.size() + " requirements are not pinned with '==' and were not checked: "
                        + String.join(", ", unpinned.subList(0, Math.min(10, unpinned.size())))
                        + (unpinned.size() > 10 ? ", ..." : ""));
        return new LockfileResult(packages, warnings);
    }

    private void read(Lockfile file, List<LockedPackage> packages, List<String> unpinned, Set<String> visited) {
        if (!visited.add(file.path()) || visited.size() > MAX_INCLUDES) {
            return;
        }
        String[] lines = file.textLines();
        for (int i = 0; i < lines.length; i++) {
            int startLine = i + 1;
            StringBuilder logical = new StringBuilder();
            String line = lines[i];
            while (line.endsWith("\\") && i + 1 < lines.length && logical.length() < 100_000) {
                logical.append(line, 0, line.length() - 1).append(' ');
                line = lines[++i];
            }
            logical.append(line);
            String text = stripComment(logical.toString()).strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("-r ") || text.startsWith("--requirement") || text.startsWith("-c ")
                    || text.startsWith("--constraint")) {
                String target = text.replaceFirst("^(-r|-c|--requirement|--constraint)[=\\s]*", "").strip();
                file.sibling(target).ifPresent(included -> read(included, packages, unpinned, visited));
                continue;
            }
            if (text.startsWith("-") || text.contains("://") || text.startsWith(".") || text.startsWith("/")) {
                continue;
            }
            Matcher matcher = REQUIREMENT.matcher(text);
            if (!matcher.matches()) {
                continue;
            }
            String name = matcher.group(1);
            String operator = matcher.group(2);
            String version = matcher.group(3);
            String rest = matcher.group(4);
            boolean exact = ("==".equals(operator) || "===".equals(operator)) && !version.isEmpty()
                    && !version.contains("*") && !rest.strip().startsWith(",");
            if (!exact) {
                unpinned.add(name);
                continue;
            }
            LockedPackage.Builder builder = LockedPackage.builder(Ecosystem.PYPI, file.path()).name(name)
                    .version(version).line(startLine).direct(true).dependencyPath(List.of(name));
            Matcher hashes = HASH.matcher(rest);
            if (hashes.find()) {
                builder.hash(Hashes.algorithm(hashes.group(1)), hashes.group(2).toLowerCase(Locale.ROOT));
            }
            packages.add(builder.build());
        }
    }

    private static String stripComment(String line) {
        int hash = line.indexOf(" #");
        if (line.startsWith("#")) {
            return "";
        }
        return hash >= 0 ? line.substring(0, hash) : line;
    }
}
