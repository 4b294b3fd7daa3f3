package io.jenkins.plugins.devsecops.packages.lockfile;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the output of {@code mvn dependency:list} (saved with {@code -DoutputFile=...} or from the build log):
 * lines {@code group:artifact:type[:classifier]:version:scope}, optionally prefixed by {@code [INFO]} and followed by
 * a module note. Every listed dependency is resolved; which are direct the list does not say.
 */
public final class MavenDependencyListParser implements LockfileParser {

    private static final Pattern LINE = Pattern.compile(
            "^(?:\\[INFO]\\s+)?\\s*([A-Za-z0-9_.\\-]+):([A-Za-z0-9_.\\-]+):([A-Za-z0-9_.\\-]+)(?::([A-Za-z0-9_.\\-]+))?"
                    + ":([^:\\s]+):(compile|runtime|test|provided|system|import)\\b.*$");

    @Override
    public String format() {
        return "mvn dependency:list";
    }

    @Override
    public boolean accepts(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") && (name.contains("dependency-list") || name.contains("dependencies-list")
                || name.equals("dependency-list.txt") || name.equals("dependencies.txt") || name.equals("deps.txt"));
    }

    @Override
    public LockfileResult parse(Lockfile file) throws LockfileException {
        List<LockedPackage> packages = new ArrayList<>();
        String[] lines = file.textLines();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].length() > 2000) {
                continue;
            }
            Matcher matcher = LINE.matcher(lines[i]);
            if (!matcher.matches()) {
                continue;
            }
            String scope = matcher.group(6);
            packages.add(LockedPackage.builder(Ecosystem.MAVEN, file.path())
                    .name(matcher.group(1) + ":" + matcher.group(2)).version(matcher.group(5)).line(i + 1)
                    .scope(scope.equals("compile") || scope.equals("runtime") ? null : scope).build());
        }
        if (packages.isEmpty() && file.fileName().toLowerCase(Locale.ROOT).contains("list")
                && !file.text().contains("The following files have been resolved")) {
            throw new LockfileException("no 'group:artifact:type:version:scope' lines: not mvn dependency:list output");
        }
        return LockfileResult.of(packages);
    }
}
