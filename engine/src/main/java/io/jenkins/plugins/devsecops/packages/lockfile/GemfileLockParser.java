package io.jenkins.plugins.devsecops.packages.lockfile;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Bundler's {@code Gemfile.lock}: the {@code specs:} of the {@code GEM}, {@code GIT} and {@code PATH}
 * sections (four spaces: a gem and its version, with any platform suffix removed; six: what it depends on) and the
 * {@code DEPENDENCIES} section, which names the direct gems.
 */
public final class GemfileLockParser implements LockfileParser {

    private static final Pattern SPEC = Pattern.compile("^ {4}([^\\s(]+) \\(([^)]+)\\)$");
    private static final Pattern DEPENDENCY = Pattern.compile("^ {6}([^\\s(]+)(?: \\(.*\\))?$");
    private static final Pattern DIRECT = Pattern.compile("^ {2}([^\\s(!]+)!?(?: \\(.*\\))?!?$");
    private static final Pattern PLATFORM = Pattern.compile(
            "-(x86|x64|arm|aarch64|universal|java|mswin|mingw|darwin|linux|jruby).*$");

    @Override
    public String format() {
        return "Gemfile.lock";
    }

    @Override
    public boolean accepts(String fileName) {
        return fileName.equals("Gemfile.lock") || fileName.equals("gems.locked");
    }

    @Override
    public LockfileResult parse(Lockfile file) throws LockfileException {
        String[] lines = file.textLines();
        DependencyGraph graph = new DependencyGraph();
        Map<String, String> idByName = new HashMap<>();
        Map<String, List<String>> dependsOn = new HashMap<>();
        Set<String> direct = new LinkedHashSet<>();
        String section = null;
        String current = null;
        boolean sawSection = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                section = line.strip();
                sawSection = true;
                current = null;
                continue;
            }
            if (section == null) {
                continue;
            }
            if (section.equals("GEM") || section.equals("GIT") || section.equals("PATH")) {
                Matcher spec = SPEC.matcher(line);
                Matcher dependency = DEPENDENCY.matcher(line);
                if (spec.matches()) {
                    String name = spec.group(1);
                    String version = PLATFORM.matcher(spec.group(2)).replaceFirst("");
                    current = name + "@" + version;
                    idByName.putIfAbsent(name, current);
                    graph.node(current, name, LockedPackage.builder(Ecosystem.RUBYGEMS, file.path()).name(name)
                            .version(version).line(i + 1));
                } else if (dependency.matches() && current != null) {
                    dependsOn.computeIfAbsent(current, k -> new ArrayList<>()).add(dependency.group(1));
                }
            } else if (section.equals("DEPENDENCIES")) {
                Matcher matcher = DIRECT.matcher(line);
                if (matcher.matches()) {
                    direct.add(matcher.group(1));
                }
            }
        }
        if (!sawSection) {
            throw new LockfileException("no GEM or DEPENDENCIES section: not a Gemfile.lock");
        }
        dependsOn.forEach((from, names) -> names.forEach(name -> graph.edge(from, idByName.get(name))));
        direct.forEach(name -> graph.root(idByName.get(name)));
        return LockfileResult.of(graph.build(!direct.isEmpty()));
    }
}
