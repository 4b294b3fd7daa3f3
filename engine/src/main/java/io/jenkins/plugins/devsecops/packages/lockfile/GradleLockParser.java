package io.jenkins.plugins.devsecops.packages.lockfile;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Gradle dependency lock state ({@code gradle.lockfile}, {@code buildscript-gradle.lockfile}, and the per
 * configuration files under {@code gradle/dependency-locks/}): lines {@code group:artifact:version=configurations}.
 */
public final class GradleLockParser implements LockfileParser {

    @Override
    public String format() {
        return "gradle.lockfile";
    }

    @Override
    public boolean accepts(String fileName) {
        return fileName.equals("gradle.lockfile") || fileName.endsWith("-gradle.lockfile")
                || fileName.endsWith(".lockfile") && fileName.length() > ".lockfile".length();
    }

    @Override
    public LockfileResult parse(Lockfile file) throws LockfileException {
        List<LockedPackage> packages = new ArrayList<>();
        String[] lines = file.textLines();
        int bad = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("empty=")) {
                continue;
            }
            int equals = line.indexOf('=');
            String coordinates = equals < 0 ? line : line.substring(0, equals);
            String[] parts = coordinates.split(":");
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
                bad++;
                continue;
            }
            String configurations = equals < 0 ? "" : line.substring(equals + 1);
            boolean testOnly = !configurations.isEmpty()
                    && java.util.Arrays.stream(configurations.split(",")).allMatch(c -> c.startsWith("test"));
            packages.add(LockedPackage.builder(Ecosystem.MAVEN, file.path()).name(parts[0] + ":" + parts[1])
                    .version(parts[2]).line(i + 1).scope(testOnly ? "test" : null).build());
        }
        if (packages.isEmpty() && bad > 0) {
            throw new LockfileException("no 'group:artifact:version=configurations' lines: not a Gradle lockfile");
        }
        return new LockfileResult(packages,
                bad > 0 ? List.of(bad + " lines are not 'group:artifact:version' entries") : List.of());
    }
}
