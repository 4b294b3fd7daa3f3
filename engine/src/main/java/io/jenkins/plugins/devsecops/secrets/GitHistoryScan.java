package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.scan.FindingSink;
import io.jenkins.plugins.devsecops.scan.LineIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Scans git history for secrets: every commit reachable from HEAD (or only those after {@code since}), diffed against
 * its first parent (the root commit against the empty tree), and only the lines it added. One secret seen in many
 * commits of one path becomes one finding that names the first and the last commit. Binary and oversized blobs are
 * skipped; the number of commits is capped.
 */
final class GitHistoryScan {

    private final SecretDetector detector;
    private final SecretFindings findings;
    private final long maxBlobSize;
    private final int maxCommits;
    private final String since;

    /** One secret of one path across the commits that added it. */
    private static final class Sighting {
        Finding finding;
        RevCommit first;
        RevCommit last;
        int commits;
    }

    GitHistoryScan(SecretDetector detector, SecretFindings findings, long maxBlobSize, int maxCommits, String since) {
        this.detector = detector;
        this.findings = findings;
        this.maxBlobSize = maxBlobSize;
        this.maxCommits = maxCommits;
        this.since = since;
    }

    void run(Path root, FindingSink sink) throws IOException, InterruptedException {
        Repository repository;
        try {
            repository = new FileRepositoryBuilder().setWorkTree(root.toFile()).setMustExist(true).build();
        } catch (IOException | IllegalArgumentException e) {
            sink.warning("Git history was not scanned: " + root + " is not the root of a git repository");
            return;
        }
        try (repository) {
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head == null) {
                sink.warning("Git history was not scanned: the repository has no commit yet");
                return;
            }
            walk(repository, head, sink);
        }
    }

    private void walk(Repository repository, ObjectId head, FindingSink sink) throws IOException, InterruptedException {
        Map<String, Sighting> sightings = new LinkedHashMap<>();
        int scanned = 0;
        boolean capped = false;
        try (RevWalk walk = new RevWalk(repository);
                ObjectReader reader = repository.newObjectReader();
                DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setReader(reader, repository.getConfig());
            diff.setDiffComparator(RawTextComparator.DEFAULT);
            diff.setDetectRenames(true);
            diff.setBinaryFileThreshold((int) Math.min(Integer.MAX_VALUE - 8, maxBlobSize));
            walk.sort(RevSort.TOPO);
            walk.markStart(walk.parseCommit(head));
            if (since != null) {
                ObjectId base = resolveSince(repository);
                if (base == null) {
                    sink.error(null, "secrets.since: '" + since + "' is not a commit of this repository; history was"
                            + " not scanned");
                    return;
                }
                walk.markUninteresting(walk.parseCommit(base));
            }
            for (RevCommit commit : walk) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("History scan stopped");
                }
                if (scanned >= maxCommits) {
                    capped = true;
                    break;
                }
                scanned++;
                scanCommit(repository, walk, reader, diff, commit, sightings, sink);
            }
        }
        for (Sighting sighting : sightings.values()) {
            sink.report(withHistory(sighting));
        }
        sink.property("historyCommits", String.valueOf(scanned));
        if (capped) {
            sink.warning("Git history scan stopped after " + maxCommits + " commits (secrets.maxCommits); older"
                    + " commits were not scanned");
        }
    }

    private ObjectId resolveSince(Repository repository) {
        try {
            return repository.resolve(since + "^{commit}");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void scanCommit(Repository repository, RevWalk walk, ObjectReader reader, DiffFormatter diff,
            RevCommit commit, Map<String, Sighting> sightings, FindingSink sink) throws IOException {
        AbstractTreeIterator oldTree;
        if (commit.getParentCount() == 0) {
            oldTree = new EmptyTreeIterator();
        } else {
            RevCommit parent = walk.parseCommit(commit.getParent(0));
            oldTree = new CanonicalTreeParser(null, reader, parent.getTree());
        }
        List<DiffEntry> entries;
        try {
            entries = diff.scan(oldTree, new CanonicalTreeParser(null, reader, commit.getTree()));
        } catch (MissingObjectException e) {
            sink.error(null, "Commit " + commit.abbreviate(10).name() + " could not be diffed: missing object "
                    + e.getObjectId().name());
            return;
        }
        for (DiffEntry entry : entries) {
            if (entry.getChangeType() == DiffEntry.ChangeType.DELETE
                    || entry.getNewMode().getObjectType() != Constants.OBJ_BLOB) {
                continue;
            }
            try {
                scanEntry(reader, diff, commit, entry, sightings, sink);
            } catch (MissingObjectException | LargeObjectException e) {
                sink.skipped("history-unreadable-blob");
            }
        }
    }

    private void scanEntry(ObjectReader reader, DiffFormatter diff, RevCommit commit, DiffEntry entry,
            Map<String, Sighting> sightings, FindingSink sink) throws IOException {
        ObjectLoader loader = reader.open(entry.getNewId().toObjectId(), Constants.OBJ_BLOB);
        if (loader.getSize() > maxBlobSize) {
            sink.skipped("history-too-large");
            return;
        }
        byte[] content = loader.getCachedBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBlobSize));
        if (RawText.isBinary(content)) {
            sink.skipped("history-binary");
            return;
        }
        List<Edit> edits = diff.toFileHeader(entry).toEditList();
        if (edits.isEmpty()) {
            return;
        }
        RawText raw = new RawText(content);
        StringBuilder added = new StringBuilder();
        int[] realLines = new int[16];
        int count = 0;
        for (Edit edit : edits) {
            for (int line = edit.getBeginB(); line < edit.getEndB(); line++) {
                added.append(raw.getString(line)).append('\n');
                if (count == realLines.length) {
                    realLines = Arrays.copyOf(realLines, count * 2);
                }
                realLines[count++] = line + 1;
            }
        }
        String text = added.toString();
        String path = entry.getNewPath();
        List<SecretMatch> matches = detector.detect(path, text);
        if (matches.isEmpty()) {
            return;
        }
        LineIndex lines = new LineIndex(text);
        int[] mapping = realLines;
        int mapped = count;
        List<Finding> found = findings.create(path, text, lines, matches,
                line -> line >= 1 && line <= mapped ? mapping[line - 1] : line);
        for (int i = 0; i < matches.size(); i++) {
            SecretMatch match = matches.get(i);
            sink.secretValue(text.subSequence(match.secretStart(), match.secretEnd()));
            String secretHash = SecretFingerprint.of(match.rule().id(),
                    text.subSequence(match.secretStart(), match.secretEnd()));
            String key = match.rule().id() + '\u0000' + secretHash + '\u0000' + path;
            Sighting sighting = sightings.computeIfAbsent(key, k -> new Sighting());
            if (sighting.last != commit && sighting.first != commit) {
                sighting.commits++; // once per commit, however often the commit added it
            }
            Finding finding = found.get(i).toBuilder()
                    .fingerprint(SecretFingerprint.ofHistory(match.rule().id(),
                            text.subSequence(match.secretStart(), match.secretEnd()), path))
                    .build();
            // Commits come newest first: the first sighting is the last commit, each later one an older first commit.
            if (sighting.last == null || commit.getCommitTime() > sighting.last.getCommitTime()) {
                sighting.last = commit;
            }
            if (sighting.first == null || commit.getCommitTime() <= sighting.first.getCommitTime()) {
                sighting.first = commit;
                sighting.finding = finding;
            }
        }
    }

    private static Finding withHistory(Sighting sighting) {
        PersonIdent author = sighting.first.getAuthorIdent();
        String date = Instant.ofEpochSecond(sighting.first.getCommitTime()).toString();
        if (author != null && author.getWhenAsInstant() != null) {
            date = author.getWhenAsInstant().toString();
        }
        Finding finding = sighting.finding;
        Location location = finding.location();
        String shortId = sighting.first.abbreviate(10).name();
        Finding.Builder builder = finding.toBuilder()
                .message(finding.message() + " (added in commit " + shortId
                        + (author == null ? "" : " by " + author.getName()) + " on " + date + ")")
                .location(location)
                .property("history", "true")
                .property("commit", sighting.first.name())
                .property("date", date)
                .property("lastCommit", sighting.last.name())
                .property("lastDate", Instant.ofEpochSecond(sighting.last.getCommitTime()).toString())
                .property("commits", String.valueOf(sighting.commits));
        if (author != null) {
            builder.property("author", author.getName() + " <" + author.getEmailAddress() + ">");
        }
        return builder.build();
    }
}
