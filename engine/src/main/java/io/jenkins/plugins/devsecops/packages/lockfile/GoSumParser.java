package io.jenkins.plugins.devsecops.packages.lockfile;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code go.sum} when no {@code go.mod} sits beside it (go.mod is authoritative): every module version with
 * a content hash ({@code h1:}), the {@code /go.mod}-only lines left out as they name no code in the build.
 */
public final class GoSumParser implements LockfileParser {

    @Override
    public String format() {
        return "go.sum";
    }

    @Override
    public boolean accepts(String fileName) {
        return fileName.equals("go.sum");
    }

    @Override
    public LockfileResult parse(Lockfile file) throws LockfileException {
        if (file.sibling("go.mod").isPresent()) {
            return LockfileResult.of(List.of());
        }
        Map<String, LockedPackage> packages = new LinkedHashMap<>();
        String[] lines = file.textLines();
        int bad = 0;
        for (int i = 0; i < lines.length; i++) {
            String[] words = lines[i].strip().split("\\s+");
            if (words.length == 1 && words[0].isEmpty()) {
                continue;
            }
            if (words.length != 3 || !words[2].startsWith("h1:")) {
                bad++;
                continue;
            }
            if (words[1].endsWith("/go.mod")) {
                continue;
            }
            packages.putIfAbsent(words[0] + "@" + words[1], LockedPackage.builder(Ecosystem.GO, file.path())
                    .name(words[0]).version(words[1]).line(i + 1).build());
        }
        if (packages.isEmpty() && bad > 0) {
            throw new LockfileException("no 'module version h1:hash' lines: not a go.sum file");
        }
        return LockfileResult.of(new ArrayList<>(packages.values()));
    }
}
