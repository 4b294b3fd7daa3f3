package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.scan.FindingSink;
import io.jenkins.plugins.devsecops.scan.HistoryPathFilter;
import io.jenkins.plugins.devsecops.scan.LineIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevWalkException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Scans git history for secrets: every commit reachable from any ref, as {@code git log --all} walks them (or only
 * those after {@code since}), each named after the first ref that reaches it, diffed against
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
    private final HistoryPathFilter paths;
    /** The working tree's findings by fingerprint: a secret also found there becomes one finding with both places. */
    private final Map<String, Finding> treeFindings;

    /** One secret of one path across the commits that added it. */
    private static final class Sighting {
        /** Where the oldest sighting is: the finding is made from it once the walk is over. */
        FindingSource source;
        RevCommit first;
        String firstRef;
        RevCommit last;
        int commits;
        /** The fingerprint of the same secret found in the working tree. */
        String treeFingerprint;
    }

    /** A ref the walk starts from, with the name a user knows it by. */
    record StartRef(String label, ObjectId commit) {
    }

    GitHistoryScan(SecretDetector detector, SecretFindings findings, long maxBlobSize, int maxCommits, String since) {
        this(detector, findings, maxBlobSize, maxCommits, since, null, Map.of());
    }

    /**
     * @param paths which paths are read, or {@code null} for all
     * @param treeFindings the working tree's findings by fingerprint, as reported; the history of a secret found
     *     there is added to that finding ({@link FindingSink#replace}) instead of being reported apart
     */
    GitHistoryScan(SecretDetector detector, SecretFindings findings, long maxBlobSize, int maxCommits, String since,
            HistoryPathFilter paths, Map<String, Finding> treeFindings) {
        this.detector = detector;
        this.findings = findings;
        this.maxBlobSize = maxBlobSize;
        this.maxCommits = maxCommits;
        this.since = since;
        this.paths = paths;
        this.treeFindings = treeFindings;
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
            List<StartRef> starts = startRefs(repository, sink);
            if (starts.isEmpty()) {
                return;
            }
            walk(repository, starts, sink);
        }
    }

    /**
     * Every ref, as {@code git log --all} walks them: HEAD, local branches, remote-tracking branches, tags and the
     * stash, in that order (a commit is named after the first ref that reaches it). Refs that do not lead to a
     * commit are passed over; a broken HEAD is reported as such, not as an empty repository.
     */
    static List<StartRef> startRefs(Repository repository, FindingSink sink) throws IOException {
        Map<ObjectId, String> byCommit = new LinkedHashMap<>();
        String headProblem = null;
        Ref head = null;
        try {
            head = repository.exactRef(Constants.HEAD);
        } catch (IOException | RuntimeException e) {
            headProblem = "HEAD cannot be read (" + describe(e) + ")";
        }
        List<Ref> refs;
        try {
            refs = repository.getRefDatabase().getRefs();
        } catch (IOException | RuntimeException e) {
            sink.error(null, "Git history was not scanned: the refs cannot be read (" + describe(e) + ")");
            return List.of();
        }
        try (RevWalk walk = new RevWalk(repository)) {
            if (head != null && head.getObjectId() != null) {
                String label = head.isSymbolic() ? Repository.shortenRefName(head.getTarget().getName()) : "HEAD";
                ObjectId commit = peelToCommit(walk, head.getObjectId());
                if (commit == null) {
                    headProblem = "HEAD points to " + head.getObjectId().name() + ", which is not a readable commit";
                } else {
                    byCommit.putIfAbsent(commit, label);
                }
            } else if (head != null && head.isSymbolic() && headProblem == null && !refs.isEmpty()) {
                headProblem = "HEAD points to " + head.getTarget().getName() + ", which does not exist";
            } else if (head == null && headProblem == null) {
                headProblem = "HEAD is missing or not a valid reference";
            }
            List<Ref> ordered = new ArrayList<>(refs);
            ordered.sort(Comparator.comparingInt(GitHistoryScan::refOrder).thenComparing(Ref::getName));
            for (Ref ref : ordered) {
                if (ref.getName().equals(Constants.HEAD) || ref.getObjectId() == null) {
                    continue;
                }
                ObjectId commit = peelToCommit(walk, ref.getObjectId());
                if (commit == null) {
                    if (refOrder(ref) < 3) {
                        sink.warning("Git history: " + ref.getName() + " points to " + ref.getObjectId().name()
                                + ", which is not a readable commit; it was not scanned");
                    }
                    continue;
                }
                byCommit.putIfAbsent(commit, label(ref));
            }
        }
        if (byCommit.isEmpty()) {
            if (headProblem != null && (head == null || !head.isSymbolic() || head.getObjectId() != null)) {
                sink.error(null, "Git history was not scanned: " + headProblem);
            } else {
                sink.warning("Git history was not scanned: the repository has no commit yet");
            }
            return List.of();
        }
        if (headProblem != null) {
            sink.warning("Git history: " + headProblem + "; the other refs were scanned");
        }
        List<StartRef> starts = new ArrayList<>();
        byCommit.forEach((commit, label) -> starts.add(new StartRef(label, commit)));
        return starts;
    }

    private static ObjectId peelToCommit(RevWalk walk, ObjectId id) {
        try {
            RevObject object = walk.peel(walk.parseAny(id));
            return object instanceof RevCommit ? object.copy() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int refOrder(Ref ref) {
        String name = ref.getName();
        if (name.startsWith(Constants.R_HEADS)) {
            return 0;
        }
        if (name.startsWith(Constants.R_REMOTES)) {
            return 1;
        }
        if (name.startsWith(Constants.R_TAGS)) {
            return 2;
        }
        return name.equals(Constants.R_STASH) ? 3 : 4;
    }

    private static String label(Ref ref) {
        String name = ref.getName();
        if (name.startsWith(Constants.R_TAGS)) {
            return "tag " + name.substring(Constants.R_TAGS.length());
        }
        if (name.equals(Constants.R_STASH)) {
            return "stash";
        }
        return Repository.shortenRefName(name);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private void walk(Repository repository, List<StartRef> starts, FindingSink sink)
            throws IOException, InterruptedException {
        Map<String, Sighting> sightings = new LinkedHashMap<>();
        SearchedBlobs searched = new SearchedBlobs(new HashSet<>(), new HashMap<>());
        int scanned = 0;
        boolean capped = false;
        ObjectId base = null;
        if (since != null) {
            base = resolveSince(repository);
            if (base == null) {
                sink.error(null, "secrets.since: '" + since + "' is not a commit of this repository; history was"
                        + " not scanned");
                return;
            }
        }
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
            CommitDiffs diffs = new CommitDiffs(changes, diff);
            // One walk per ref, leaving out what the refs before it reach: every commit is read once and is named
            // after the first ref (HEAD's branch first) that reaches it.
            for (int s = 0; s < starts.size() && !capped; s++) {
                StartRef start = starts.get(s);
                walk.reset();
                walk.sort(RevSort.TOPO);
                try {
                    walk.markStart(walk.parseCommit(start.commit()));
                    for (int before = 0; before < s; before++) {
                        walk.markUninteresting(walk.parseCommit(starts.get(before).commit()));
                    }
                    if (base != null) {
                        walk.markUninteresting(walk.parseCommit(base));
                    }
                } catch (IOException e) {
                    sink.error(null, "Git history of " + start.label() + " was not scanned: " + objectProblem(e));
                    continue;
                }
                RevCommit previous = null;
                try {
                    for (RevCommit commit : walk) {
                        if (Thread.interrupted()) {
                            throw new InterruptedException("History scan stopped");
                        }
                        if (scanned >= maxCommits) {
                            capped = true;
                            break;
                        }
                        scanned++;
                        previous = commit;
                        scanCommit(walk, reader, diffs, commit, start.label(), sightings, searched, sink);
                    }
                } catch (RevWalkException | IOException e) {
                    Throwable cause = e instanceof RevWalkException && e.getCause() != null ? e.getCause() : e;
                    sink.error(null, "Git history of " + start.label() + " stopped "
                            + (previous == null ? "at its first commit " + start.commit().abbreviate(10).name()
                                    : "after commit " + previous.abbreviate(10).name())
                            + ": " + objectProblem(cause) + "; older commits of it were not scanned");
                }
            }
        }
        report(repository, sightings, sink);
        sink.property("historyCommits", String.valueOf(scanned));
        sink.property("historyRefs", String.valueOf(starts.size()));
        if (capped) {
            sink.warning("Git history scan stopped after " + maxCommits + " commits (secrets.maxCommits); older"
                    + " commits were not scanned");
        }
        if (repository.getObjectDatabase().getShallowCommits().size() > 0) {
            sink.warning("Git history: the repository is a shallow clone; " + scanned + " commits were scanned and"
                    + " the history before the shallow boundary was not (run git fetch --unshallow for all of it)");
            sink.property("historyShallow", "true");
        }
    }

    /** What is wrong with an object, naming it: a missing or corrupt commit, tree or blob. */
    static String objectProblem(Throwable e) {
        if (e instanceof MissingObjectException missing) {
            return "object " + missing.getObjectId().name() + " is missing";
        }
        if (e instanceof CorruptObjectException) {
            return "corrupt object: " + e.getMessage();
        }
        String message = describe(e);
        if (e.getCause() != null && e.getCause() != e) {
            message += " (" + describe(e.getCause()) + ")";
        }
        return "the repository cannot be read: " + message;
    }

    /** The working-tree finding, which also carries where and when history added the secret. */
    private static Finding mergedInto(Finding tree, Finding history) {
        Finding.Builder merged = tree.toBuilder();
        history.properties().forEach((key, value) -> {
            if (!key.equals("provider") && !key.equals("reason")) {
                merged.property(key, value);
            }
        });
        merged.property("historyLocation", history.location().path() + ":" + history.location().startLine());
        return merged.build();
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

    private void scanCommit(RevWalk walk, ObjectReader reader, CommitDiffs diffs, RevCommit commit, String ref,
            Map<String, Sighting> sightings, SearchedBlobs searched, FindingSink sink) throws IOException {
        RevCommit parent = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
        List<DiffEntry> entries;
        try {
            entries = diffs.changes().scan(oldTree(reader, parent),
                    new CanonicalTreeParser(null, reader, commit.getTree()));
        } catch (IOException | RuntimeException e) {
            sink.error(null, "Commit " + commit.abbreviate(10).name() + " could not be diffed: " + objectProblem(e));
            return;
        }
        List<DiffEntry> withRenames = null;
        for (DiffEntry entry : entries) {
            if (entry.getChangeType() == DiffEntry.ChangeType.DELETE
                    || entry.getNewMode().getObjectType() != Constants.OBJ_BLOB) {
                continue;
            }
            if (paths != null && !paths.accepts(entry.getNewPath())) {
                sink.skipped("history-ignored");
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
                    keepAdded(diffs.diff(), commit, ref, changed, candidates, sightings);
                }
            } catch (LargeObjectException e) {
                sink.skipped("history-unreadable-blob");
                searched.clean().add(blob);
            } catch (IOException | RuntimeException e) {
                sink.skipped("history-unreadable-blob");
                sink.error(entry.getNewPath(), "Commit " + commit.abbreviate(10).name() + ": blob "
                        + entry.getNewId().name() + " cannot be read: " + objectProblem(e));
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
    private void keepAdded(DiffFormatter diff, RevCommit commit, String ref, DiffEntry entry, Candidates candidates,
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
                sighting.firstRef = ref;
                sighting.source = new FindingSource(candidates.blob(), path, added, i);
            }
            if (sighting.treeFingerprint == null && treeFindings.containsKey(secretHash)) {
                sighting.treeFingerprint = secretHash; // the working tree's fingerprint of the same secret
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
        List<Map.Entry<Sighting, Finding>> made = new ArrayList<>();
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
                made.add(Map.entry(sighting, withHistory(sighting, cached.get(source.index()))));
            }
        }
        // A secret also in the working tree completes that finding: first from the history of the same path, then
        // from another path (a renamed or copied file); the rest are findings of their own.
        Set<Sighting> merged = new HashSet<>();
        for (boolean samePath : new boolean[] {true, false}) {
            for (Map.Entry<Sighting, Finding> entry : made) {
                Sighting sighting = entry.getKey();
                Finding tree = sighting.treeFingerprint == null ? null : treeFindings.get(sighting.treeFingerprint);
                if (merged.contains(sighting) || tree == null || tree.properties().get("commit") != null
                        || samePath && !tree.location().path().equals(entry.getValue().location().path())) {
                    continue;
                }
                Finding completed = mergedInto(tree, entry.getValue());
                treeFindings.put(sighting.treeFingerprint, completed);
                sink.replace(tree, completed);
                merged.add(sighting);
            }
        }
        List<Finding> own = new ArrayList<>();
        for (Map.Entry<Sighting, Finding> entry : made) {
            if (!merged.contains(entry.getKey())) {
                own.add(entry.getValue());
            }
        }
        own.forEach(sink::report);
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
                .message(finding.message() + " (added in commit " + shortId + " on " + sighting.firstRef
                        + (author == null ? "" : " by " + author.getName()) + " on " + date + ")")
                .location(location)
                .property("history", "true")
                .property("commit", sighting.first.name())
                .property("ref", sighting.firstRef)
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
