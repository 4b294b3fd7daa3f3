package io.jenkins.plugins.devsecops.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history scan gives rename detection only the deleted files, the exact copies and the added paths with a match
 * ({@code GitHistoryScan.renames}); each of those paths must be paired exactly as rename detection over the whole
 * commit pairs it. Checked on random commits of real trees: moved directories, files edited while moved, exact
 * copies to several paths, files turned into symbolic links, and rename limits passed and not.
 */
class HistoryRenamesTest {

    @TempDir
    Path root;

    private static final String[] LINES = new String[40];

    static {
        for (int i = 0; i < LINES.length; i++) {
            LINES[i] = "line " + i + ": " + "abcdefghij".repeat(1 + i % 4) + (i % 3 == 0 ? " password = \"x" + i + "\"" : "");
        }
    }

    @Test
    void shouldPairEachAddedPathWithAMatchAsDetectionOverTheWholeCommitDoes() throws Exception {
        try (Git git = Git.init().setDirectory(root.toFile()).call()) {
            Repository repository = git.getRepository();
            Random random = new Random(16);
            int paired = 0;
            int compared = 0;
            for (int round = 0; round < 150; round++) {
                // a small rename limit in some rounds: then the detector pairs exact copies only
                repository.getConfig().setInt("diff", null, "renamelimit", round % 5 == 0 ? 4 : 400);
                try (ObjectInserter inserter = repository.newObjectInserter();
                        ObjectReader reader = repository.newObjectReader()) {
                    Map<String, Blob> before = new LinkedHashMap<>();
                    int files = 3 + random.nextInt(12);
                    for (int i = 0; i < files; i++) {
                        before.put("old/dir" + random.nextInt(3) + "/file" + i + ".txt",
                                new Blob(FileMode.REGULAR_FILE, insert(inserter, text(random))));
                    }
                    Map<String, Blob> after = change(random, inserter, reader, before);
                    ObjectId oldTree = tree(inserter, before);
                    ObjectId newTree = tree(inserter, after);
                    inserter.flush();

                    DiffFormatter changes = formatter(repository, reader, false);
                    DiffFormatter whole = formatter(repository, reader, true);
                    List<DiffEntry> entries = changes.scan(new CanonicalTreeParser(null, reader, oldTree),
                            new CanonicalTreeParser(null, reader, newTree));
                    Set<String> withMatches = new HashSet<>();
                    for (DiffEntry entry : entries) {
                        if (entry.getChangeType() == DiffEntry.ChangeType.ADD && random.nextInt(3) > 0) {
                            withMatches.add(entry.getNewPath());
                        }
                    }
                    List<DiffEntry> expected = whole.scan(new CanonicalTreeParser(null, reader, oldTree),
                            new CanonicalTreeParser(null, reader, newTree));
                    List<DiffEntry> actual = GitHistoryScan.renames(changes, formatter(repository, reader, true),
                            reader, oldTree, newTree, entries, withMatches);

                    for (String path : withMatches) {
                        DiffEntry want = entryFor(expected, path);
                        DiffEntry got = entryFor(actual, path);
                        assertThat(pairing(got)).as("round %d, %s", round, path).isEqualTo(pairing(want));
                        compared++;
                        if (want.getChangeType() != DiffEntry.ChangeType.ADD) {
                            paired++;
                        }
                    }
                }
            }
            // the rounds did pair paths, and left some unpaired
            assertThat(paired).isGreaterThan(50);
            assertThat(compared - paired).isGreaterThan(50);
        }
    }

    private record Blob(FileMode mode, ObjectId id) {
    }

    /** Deletes, moves (some edited on the way), copies, new files and type changes of {@code before}. */
    private static Map<String, Blob> change(Random random, ObjectInserter inserter, ObjectReader reader,
            Map<String, Blob> before) throws Exception {
        Map<String, Blob> after = new LinkedHashMap<>();
        for (Map.Entry<String, Blob> file : before.entrySet()) {
            String path = file.getKey();
            Blob blob = file.getValue();
            switch (random.nextInt(7)) {
                case 0 -> after.put(path, blob); // unchanged
                case 1 -> { } // deleted
                case 2 -> after.put(path.replace("old/", "new/"), blob); // moved as it is
                case 3 -> after.put(path.replace("old/", "new/").replace("file", "renamed"),
                        new Blob(FileMode.REGULAR_FILE, insert(inserter, edit(random, read(reader, blob.id()))))); // moved and edited
                case 4 -> { // copied to two places, the original deleted
                    after.put(path.replace("old/", "a/"), blob);
                    after.put(path.replace("old/", "b/"), blob);
                }
                case 5 -> after.put(path, new Blob(FileMode.SYMLINK, insert(inserter, "../target"))); // type change
                default -> after.put(path.replace("old/", "new/"),
                        new Blob(FileMode.REGULAR_FILE, insert(inserter, text(random)))); // a new file in its place
            }
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            after.put("fresh/new" + i + ".txt", new Blob(FileMode.REGULAR_FILE, insert(inserter, text(random))));
        }
        return after;
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int start = random.nextInt(LINES.length);
        for (int i = 6 + random.nextInt(20); i > 0; i--) {
            text.append(random.nextInt(5) == 0 ? LINES[random.nextInt(LINES.length)] : LINES[start++ % LINES.length])
                    .append('\n');
        }
        return text.toString();
    }

    private static String edit(Random random, String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        for (int i = 1 + random.nextInt(4); i > 0 && !lines.isEmpty(); i--) {
            int at = random.nextInt(lines.size());
            if (random.nextBoolean()) {
                lines.set(at, "edited " + random.nextInt(1000));
            } else {
                lines.add(at, "token = \"" + random.nextInt(1000) + "\"");
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static ObjectId insert(ObjectInserter inserter, String text) throws Exception {
        return inserter.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(ObjectReader reader, ObjectId id) throws Exception {
        return new String(reader.open(id).getBytes(), StandardCharsets.UTF_8);
    }

    private static ObjectId tree(ObjectInserter inserter, Map<String, Blob> files) throws Exception {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        files.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(file -> {
            DirCacheEntry entry = new DirCacheEntry(file.getKey());
            entry.setFileMode(file.getValue().mode());
            entry.setObjectId(file.getValue().id());
            builder.add(entry);
        });
        builder.finish();
        return index.writeTree(inserter);
    }

    private static DiffFormatter formatter(Repository repository, ObjectReader reader, boolean renames) {
        DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE);
        formatter.setReader(reader, repository.getConfig());
        formatter.setDetectRenames(renames);
        return formatter;
    }

    private static DiffEntry entryFor(List<DiffEntry> entries, String path) {
        return entries.stream().filter(e -> e.getChangeType() != DiffEntry.ChangeType.DELETE
                && e.getNewPath().equals(path)).findFirst().orElseThrow();
    }

    /** What the lines added are measured against: nothing, or the old path and blob, with the pair's score. */
    private static String pairing(DiffEntry entry) {
        if (entry.getChangeType() == DiffEntry.ChangeType.ADD) {
            return "added " + entry.getNewId().name();
        }
        return "from " + entry.getOldPath() + " " + entry.getOldId().name() + " score " + entry.getScore() + " to "
                + entry.getNewId().name();
    }
}
