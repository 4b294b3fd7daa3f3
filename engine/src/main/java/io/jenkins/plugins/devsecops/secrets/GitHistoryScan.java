package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.scan.FindingSink;
import io.jenkins.plugins.devsecops.scan.HistoryPathFilter;
import io.jenkins.plugins.devsecops.scan.LineIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.RevWalkException;
import org.eclipse.jgit.errors.MissingObjectException;
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
        Finding finding;
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
                DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setReader(reader, repository.getConfig());
            diff.setDiffComparator(RawTextComparator.DEFAULT);
            diff.setDetectRenames(true);
            diff.setBinaryFileThreshold((int) Math.min(Integer.MAX_VALUE - 8, maxBlobSize));
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
                        scanCommit(repository, walk, reader, diff, commit, start.label(), sightings, sink);
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
        for (Sighting sighting : sightings.values()) {
            Finding withHistory = withHistory(sighting);
            if (sighting.treeFingerprint != null) {
                Finding tree = treeFindings.get(sighting.treeFingerprint);
                if (tree != null && tree.properties().get("commit") == null) {
                    Finding merged = mergedInto(tree, withHistory);
                    treeFindings.put(sighting.treeFingerprint, merged);
                    sink.replace(tree, merged);
                    continue;
                }
            }
            sink.report(withHistory);
        }
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

    private void scanCommit(Repository repository, RevWalk walk, ObjectReader reader, DiffFormatter diff,
            RevCommit commit, String ref, Map<String, Sighting> sightings, FindingSink sink) throws IOException {
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
        } catch (IOException | RuntimeException e) {
            sink.error(null, "Commit " + commit.abbreviate(10).name() + " could not be diffed: " + objectProblem(e));
            return;
        }
        for (DiffEntry entry : entries) {
            if (entry.getChangeType() == DiffEntry.ChangeType.DELETE
                    || entry.getNewMode().getObjectType() != Constants.OBJ_BLOB) {
                continue;
            }
            if (paths != null && !paths.accepts(entry.getNewPath())) {
                sink.skipped("history-ignored");
                continue;
            }
            try {
                scanEntry(reader, diff, commit, ref, entry, sightings, sink);
            } catch (LargeObjectException e) {
                sink.skipped("history-unreadable-blob");
            } catch (IOException | RuntimeException e) {
                sink.skipped("history-unreadable-blob");
                sink.error(entry.getNewPath(), "Commit " + commit.abbreviate(10).name() + ": blob "
                        + entry.getNewId().name() + " cannot be read: " + objectProblem(e));
            }
        }
    }

    private void scanEntry(ObjectReader reader, DiffFormatter diff, RevCommit commit, String ref, DiffEntry entry,
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
                sighting.firstRef = ref;
                sighting.finding = finding;
            }
            if (sighting.treeFingerprint == null) {
                String treeFingerprint = SecretFingerprint.of(match.rule().id(),
                        text.subSequence(match.secretStart(), match.secretEnd()));
                if (treeFindings.containsKey(treeFingerprint)) {
                    sighting.treeFingerprint = treeFingerprint;
                }
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
