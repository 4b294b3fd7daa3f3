package io.jenkins.plugins.devsecops.packages.lockfile;

import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Writes fixture files into a test's temporary scan root and reads them back as lockfiles. */
final class LockfileFixtures {

    private LockfileFixtures() {
    }

    static Lockfile write(Path root, String path, String content) throws IOException {
        return write(root, path, content.getBytes(StandardCharsets.UTF_8));
    }

    static Lockfile write(Path root, String path, byte[] content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return new Lockfile(path, content, file, root);
    }

    static LockedPackage find(List<LockedPackage> packages, String name) {
        Optional<LockedPackage> found = packages.stream().filter(p -> p.name().equals(name)).findFirst();
        return found.orElseThrow(() -> new AssertionError("no package " + name + " in " + packages));
    }
}
