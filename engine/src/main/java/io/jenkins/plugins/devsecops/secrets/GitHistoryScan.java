package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.scan.FindingSink;
import io.jenkins.plugins.devsecops.scan.LineIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;
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
 *
 * <p>Each blob is read and searched once, whole, however many commits carry it: most blobs hold no secret and need
 * nothing more, so no content diff is computed for them. Only a blob with a match is diffed against the commit's
 * first parent (with rename detection), and only the matches on lines the commit added are kept: the same findings a
 * diff of every commit gives, at a fraction of the cost.
 */
final class GitHistoryScan {

    private final SecretDetector detector;
    private final SecretFindings findings;
    private final long maxBlobSize;
    private final int maxCommits;
    private final String since;

    /** One secret of one path across the commits that added it. */
    private static final class Sighting {
        /** Where the oldest sighting is: the finding is made from it once the walk is over. */
        FindingSource source;
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
        SearchedBlobs searched = new SearchedBlobs(new HashSet<>(), new HashMap<>());
        int scanned = 0;
        boolean capped = false;
        try (RevWalk walk = new RevWalk(repository);
                ObjectReader reader = repository.newObjectReader();
                DiffFormatter changes = new DiffFormatter(DisabledOutputStream.INSTANCE);
                DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            changes.setReader(reader, repository.getConfig());
            changes.setDetectRenames(false);
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
            CommitDiffs diffs = new CommitDiffs(changes, diff);
            for (RevCommit commit : walk) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("History scan stopped");
                }
                if (scanned >= maxCommits) {
                    capped = true;
                    break;
                }
                scanned++;
                scanCommit(walk, reader, diffs, commit, sightings, searched, sink);
            }
        }
        report(repository, sightings, sink);
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

    /** A blob as seen at one path: rules and confidence depend on the path, so the pair is what was searched. */
    private record BlobAtPath(ObjectId blob, String path) {
    }

    /**
     * What the walk has searched: blobs without a secret (nothing more to do when a commit carries them again) and the
     * matches of the others (a commit that adds one again, a merge or a revert, only needs its diff).
     */
    private record SearchedBlobs(Set<BlobAtPath> clean, Map<BlobAtPath, List<SecretMatch>> matched) {
    }

    /** The tree-level change list of a commit (cheap) and, on demand, its diff with rename detection. */
    private record CommitDiffs(DiffFormatter changes, DiffFormatter diff) {
    }

    private void scanCommit(RevWalk walk, ObjectReader reader, CommitDiffs diffs, RevCommit commit,
            Map<String, Sighting> sightings, SearchedBlobs searched, FindingSink sink) throws IOException {
        RevCommit parent = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
        List<DiffEntry> entries;
        try {
            entries = diffs.changes().scan(oldTree(reader, parent),
                    new CanonicalTreeParser(null, reader, commit.getTree()));
        } catch (MissingObjectException e) {
            sink.error(null, "Commit " + commit.abbreviate(10).name() + " could not be diffed: missing object "
                    + e.getObjectId().name());
            return;
        }
        List<DiffEntry> withRenames = null;
        for (DiffEntry entry : entries) {
            if (entry.getChangeType() == DiffEntry.ChangeType.DELETE
                    || entry.getNewMode().getObjectType() != Constants.OBJ_BLOB) {
                continue;
            }
            BlobAtPath blob = new BlobAtPath(entry.getNewId().toObjectId(), entry.getNewPath());
            if (searched.clean().contains(blob)) {
                continue;
            }
            try {
                Candidates candidates = search(reader, blob, searched, sink);
                if (candidates == null) {
                    searched.clean().add(blob);
                    continue;
                }
                DiffEntry changed = entry;
                if (entry.getChangeType() == DiffEntry.ChangeType.ADD) {
                    // An added path may be the new name of a file: rename detection pairs it with the old one, so that
                    // only the lines the commit really added count. A modified path keeps its name either way.
                    if (withRenames == null) {
                        withRenames = diffs.diff().scan(oldTree(reader, parent),
                                new CanonicalTreeParser(null, reader, commit.getTree()));
                    }
                    changed = entryFor(withRenames, blob.path());
                }
                if (changed != null) {
                    keepAdded(diffs.diff(), commit, changed, candidates, sightings);
                }
            } catch (MissingObjectException | LargeObjectException e) {
                sink.skipped("history-unreadable-blob");
                searched.clean().add(blob);
            }
        }
    }

    private static AbstractTreeIterator oldTree(ObjectReader reader, RevCommit parent) throws IOException {
        return parent == null ? new EmptyTreeIterator() : new CanonicalTreeParser(null, reader, parent.getTree());
    }

    private static DiffEntry entryFor(List<DiffEntry> entries, String path) {
        for (DiffEntry entry : entries) {
            if (entry.getChangeType() != DiffEntry.ChangeType.DELETE && entry.getNewPath().equals(path)) {
                return entry;
            }
        }
        return null;
    }

    /** The matches of one blob's whole text, before they are narrowed to the lines a commit added. */
    private record Candidates(ObjectId blob, String path, String text, List<SecretMatch> matches) {
    }

    /** Searches a blob, once; {@code null} when it holds no secret (or is binary, too large). */
    private Candidates search(ObjectReader reader, BlobAtPath blob, SearchedBlobs searched, FindingSink sink)
            throws IOException {
        ObjectLoader loader = reader.open(blob.blob(), Constants.OBJ_BLOB);
        if (loader.getSize() > maxBlobSize) {
            sink.skipped("history-too-large");
            return null;
        }
        byte[] content = loader.getCachedBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBlobSize));
        if (RawText.isBinary(content)) {
            sink.skipped("history-binary");
            return null;
        }
        List<SecretMatch> known = searched.matched().get(blob);
        if (known != null) {
            return new Candidates(blob.blob(), blob.path(), new String(content, StandardCharsets.UTF_8), known);
        }
        String[] decoded = new String[1];
        List<SecretMatch> matches = detector.detect(blob.path(), content, () -> {
            decoded[0] = new String(content, StandardCharsets.UTF_8);
            return decoded[0];
        }, warning -> sink.warning("History blob " + blob.blob().abbreviate(12).name() + ": " + warning));
        if (matches.isEmpty()) {
            return null;
        }
        for (SecretMatch match : matches) {
            // Masked wherever else the report carries it (a path, an author's name).
            sink.secretValue(decoded[0].subSequence(match.secretStart(), match.secretEnd()));
        }
        searched.matched().put(blob, matches);
        return new Candidates(blob.blob(), blob.path(), decoded[0], matches);
    }

    /** Keeps the matches on lines {@code commit} added to the file, and records them as sightings. */
    private void keepAdded(DiffFormatter diff, RevCommit commit, DiffEntry entry, Candidates candidates,
            Map<String, Sighting> sightings) throws IOException {
        List<Edit> edits = diff.toFileHeader(entry).toEditList();
        if (edits.isEmpty()) {
            return;
        }
        String text = candidates.text();
        LineIndex lines = new LineIndex(text);
        List<SecretMatch> added = new ArrayList<>();
        for (SecretMatch match : candidates.matches()) {
            int line = lines.lineOf(match.secretStart()) - 1;
            for (Edit edit : edits) {
                if (line >= edit.getBeginB() && line < edit.getEndB()) {
                    added.add(match);
                    break;
                }
            }
        }
        if (added.isEmpty()) {
            return;
        }
        String path = candidates.path();
        for (int i = 0; i < added.size(); i++) {
            SecretMatch match = added.get(i);
            String secretHash = SecretFingerprint.of(match.rule().id(),
                    text.subSequence(match.secretStart(), match.secretEnd()));
            String key = match.rule().id() + '\u0000' + secretHash + '\u0000' + path;
            Sighting sighting = sightings.computeIfAbsent(key, k -> new Sighting());
            if (sighting.last != commit && sighting.first != commit) {
                sighting.commits++; // once per commit, however often the commit added it
            }
            // Commits come newest first: the first sighting is the last commit, each later one an older first commit.
            if (sighting.last == null || commit.getCommitTime() > sighting.last.getCommitTime()) {
                sighting.last = commit;
            }
            if (sighting.first == null || commit.getCommitTime() <= sighting.first.getCommitTime()) {
                sighting.first = commit;
                sighting.source = new FindingSource(candidates.blob(), path, added, i);
            }
        }
    }

    /** A match to turn into a finding: the blob and path, the matches kept in it, and which one. */
    private record FindingSource(ObjectId blob, String path, List<SecretMatch> matches, int index) {
    }

    /**
     * Reports one finding per sighting, made from the blob of its oldest commit. The blob is read again here rather
     * than kept: a finding is built once per secret, not once per commit that carries it.
     */
    private void report(Repository repository, Map<String, Sighting> sightings, FindingSink sink) throws IOException {
        try (ObjectReader reader = repository.newObjectReader()) {
            ObjectId cachedBlob = null;
            String cachedPath = null;
            List<SecretMatch> cachedMatches = null;
            List<Finding> cached = null;
            for (Sighting sighting : sightings.values()) {
                FindingSource source = sighting.source;
                if (!source.blob().equals(cachedBlob) || !source.path().equals(cachedPath)
                        || source.matches() != cachedMatches) {
                    byte[] content;
                    try {
                        content = reader.open(source.blob(), Constants.OBJ_BLOB)
                                .getCachedBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBlobSize));
                    } catch (MissingObjectException | LargeObjectException e) {
                        sink.skipped("history-unreadable-blob");
                        continue;
                    }
                    String text = new String(content, StandardCharsets.UTF_8);
                    cached = findings.create(source.path(), text, new LineIndex(text), source.matches(),
                            IntUnaryOperator.identity());
                    cachedBlob = source.blob();
                    cachedPath = source.path();
                    cachedMatches = source.matches();
                    for (int i = 0; i < cached.size(); i++) {
                        SecretMatch match = source.matches().get(i);
                        cached.set(i, cached.get(i).toBuilder()
                                .fingerprint(SecretFingerprint.ofHistory(match.rule().id(),
                                        text.subSequence(match.secretStart(), match.secretEnd()), source.path()))
                                .build());
                    }
                }
                sink.report(withHistory(sighting, cached.get(source.index())));
            }
        }
    }

    private static Finding withHistory(Sighting sighting, Finding finding) {
        PersonIdent author = sighting.first.getAuthorIdent();
        String date = Instant.ofEpochSecond(sighting.first.getCommitTime()).toString();
        if (author != null && author.getWhenAsInstant() != null) {
            date = author.getWhenAsInstant().toString();
        }
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
