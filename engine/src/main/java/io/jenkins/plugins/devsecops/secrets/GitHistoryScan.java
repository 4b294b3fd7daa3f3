package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.scan.FindingSink;
import io.jenkins.plugins.devsecops.scan.HistoryPathFilter;
import io.jenkins.plugins.devsecops.scan.LineIndex;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevWalkException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
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
 *
 * <p>The walk runs on the calling thread and hands each commit to a pool: a pool thread diffs its trees, searches
 * the blobs no earlier commit searched (two commits that carry the same blob share one search) and narrows the
 * matches to the added lines; the commits' results are recorded in walk order, so the findings do not depend on
 * which thread finished first. A bounded number of commits is in flight.
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
    /** The threads that search blobs and diff commits while the walk goes on. */
    private final int threads;

    /** Commits handed to the pool and not yet recorded, per thread: bounds the memory of a long history. */
    private static final int COMMITS_IN_FLIGHT_PER_THREAD = 32;

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
        this(detector, findings, maxBlobSize, maxCommits, since, null, Map.of(),
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * @param paths which paths are read, or {@code null} for all
     * @param treeFindings the working tree's findings by fingerprint, as reported; the history of a secret found
     *     there is added to that finding ({@link FindingSink#replace}) instead of being reported apart
     * @param threads how many threads search blobs and diff commits (the walk itself is one more)
     */
    GitHistoryScan(SecretDetector detector, SecretFindings findings, long maxBlobSize, int maxCommits, String since,
            HistoryPathFilter paths, Map<String, Finding> treeFindings, int threads) {
        this.detector = detector;
        this.findings = findings;
        this.maxBlobSize = maxBlobSize;
        this.maxCommits = maxCommits;
        this.since = since;
        this.paths = paths;
        this.treeFindings = treeFindings;
        this.threads = Math.max(1, threads);
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
        Searches searches = new Searches(repository);
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "devsecops-history");
            thread.setDaemon(true);
            return thread;
        });
        // Commits handed to the pool, oldest submission first: their results are taken in this order, so the
        // findings are the same as a walk on one thread gives; at most COMMITS_IN_FLIGHT_PER_THREAD per thread.
        Deque<PendingCommit> pending = new ArrayDeque<>();
        int window = threads * COMMITS_IN_FLIGHT_PER_THREAD;
        try (RevWalk walk = new RevWalk(repository)) {
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
                        RevCommit parent = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
                        scanned++;
                        previous = commit;
                        ObjectId parentTree = parent == null ? null : parent.getTree().copy();
                        ObjectId tree = commit.getTree().copy();
                        Future<CommitResult> result = pool.submit(
                                () -> scanCommit(searches.worker(), parentTree, tree, searches, sink));
                        pending.add(new PendingCommit(commit, start.label(), result));
                        takeResults(pending, sightings, sink, window);
                    }
                } catch (RevWalkException | IOException e) {
                    Throwable cause = e instanceof RevWalkException && e.getCause() != null ? e.getCause() : e;
                    sink.error(null, "Git history of " + start.label() + " stopped "
                            + (previous == null ? "at its first commit " + start.commit().abbreviate(10).name()
                                    : "after commit " + previous.abbreviate(10).name())
                            + ": " + objectProblem(cause) + "; older commits of it were not scanned");
                }
            }
            takeResults(pending, sightings, sink, 1);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            searches.close();
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

    /**
     * Takes the results of the oldest pending commits, in walk order: those already done, and more (waiting for
     * them) while {@code limit} or more are pending.
     */
    private void takeResults(Deque<PendingCommit> pending, Map<String, Sighting> sightings, FindingSink sink,
            int limit) throws IOException, InterruptedException {
        while (!pending.isEmpty() && (pending.size() >= limit || pending.peekFirst().result().isDone())) {
            PendingCommit next = pending.pollFirst();
            CommitResult result;
            try {
                result = next.result().get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof InterruptedException interrupted) {
                    throw interrupted;
                }
                throw new IllegalStateException("History scan failed", cause);
            }
            record(next.commit(), next.ref(), result, sightings, sink);
        }
    }

    /** Records one commit's results, in walk order: the problems it met and the secrets it added. */
    private void record(RevCommit commit, String ref, CommitResult result, Map<String, Sighting> sightings,
            FindingSink sink) {
        for (Problem problem : result.problems()) {
            if (problem.search() != null) {
                // a blob that cannot be read is named once, at the first commit of the walk that carries it
                if (problem.search().reported) {
                    continue;
                }
                problem.search().reported = true;
            }
            if (problem.skipped() != null) {
                sink.skipped(problem.skipped());
            }
            if (problem.message() != null) {
                sink.error(problem.path(), "Commit " + commit.abbreviate(10).name() + problem.message());
            }
        }
        for (AddedSecrets secrets : result.added()) {
            String path = secrets.path();
            List<SecretMatch> added = secrets.matches();
            for (int i = 0; i < added.size(); i++) {
                SecretMatch match = added.get(i);
                String secretHash = secrets.hashes().get(i);
                String key = match.rule().id() + '\u0000' + secretHash + '\u0000' + path;
                Sighting sighting = sightings.computeIfAbsent(key, k -> new Sighting());
                if (sighting.last != commit && sighting.first != commit) {
                    sighting.commits++; // once per commit, however often the commit added it
                }
                // Commits come newest first: the first sighting is the last commit, each later one an older first
                // commit.
                if (sighting.last == null || commit.getCommitTime() > sighting.last.getCommitTime()) {
                    sighting.last = commit;
                }
                if (sighting.first == null || commit.getCommitTime() <= sighting.first.getCommitTime()) {
                    sighting.first = commit;
                    sighting.firstRef = ref;
                    sighting.source = new FindingSource(secrets.blob(), path, added, i);
                }
                if (sighting.treeFingerprint == null && treeFindings.containsKey(secretHash)) {
                    sighting.treeFingerprint = secretHash; // the working tree's fingerprint of the same secret
                }
            }
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
     * The search of one blob at one path, run once by the first commit that needs it; the other commits that carry
     * it wait for its outcome (the searching thread never waits for another search, so this cannot deadlock).
     */
    private static final class BlobSearch {
        private final CountDownLatch done = new CountDownLatch(1);
        /** The matches, or {@code null} when the blob holds no secret (or is binary or too large). */
        private List<SecretMatch> matches;
        /** Why the blob cannot be read, or {@code null}. */
        private Problem problem;
        /** Whether {@link #problem} was reported (the walk-order thread only). */
        boolean reported;

        void complete(List<SecretMatch> found, Problem failure) {
            matches = found;
            problem = failure;
            done.countDown();
        }

        void await() throws InterruptedException {
            done.await();
        }
    }

    /** What the first search of a blob learned that holds at every path it has. */
    private enum BlobKind {
        TOO_LARGE, BINARY, NO_KEYWORD
    }

    /** A commit handed to the pool, with the ref it is named after. */
    private record PendingCommit(RevCommit commit, String ref, Future<CommitResult> result) {
    }

    /**
     * A problem a commit met, reported in walk order: a skip reason and an error message (or none) that follows the
     * commit's name; for a blob that cannot be read, its search, so that it is reported once, at the first commit of
     * the walk that carries it.
     */
    private record Problem(String skipped, String path, String message, BlobSearch search) {
    }

    /** The matches on lines a commit added to one file, with the hash of each secret. */
    private record AddedSecrets(ObjectId blob, String path, List<SecretMatch> matches, List<String> hashes) {
    }

    /** What one commit brought. */
    private record CommitResult(List<Problem> problems, List<AddedSecrets> added) {
    }

    /** A pool thread's own object reader and diff formatters (JGit's are not thread-safe). */
    private static final class Worker {
        final ObjectReader reader;
        final DiffFormatter changes;
        final DiffFormatter diff;

        Worker(Repository repository, long maxBlobSize) {
            reader = repository.newObjectReader();
            changes = new DiffFormatter(DisabledOutputStream.INSTANCE);
            changes.setReader(reader, repository.getConfig());
            changes.setDetectRenames(false);
            diff = new DiffFormatter(DisabledOutputStream.INSTANCE);
            diff.setReader(reader, repository.getConfig());
            diff.setDiffComparator(RawTextComparator.DEFAULT);
            diff.setDetectRenames(true);
            diff.setBinaryFileThreshold((int) Math.min(Integer.MAX_VALUE - 8, maxBlobSize));
        }

        void close() {
            changes.close();
            diff.close();
            reader.close();
        }
    }

    /** The searches of one history scan, shared by the pool's threads, and each thread's {@link Worker}. */
    private final class Searches {
        final Map<BlobAtPath, BlobSearch> byBlob = new ConcurrentHashMap<>();
        /**
         * What a blob's first search learned that holds at every path: it is binary, too large, or holds no keyword.
         * The same blob at another path (a moved directory) is then not read again.
         */
        final Map<ObjectId, BlobKind> byId = new ConcurrentHashMap<>();
        private final Repository repository;
        private final List<Worker> workers = new ArrayList<>();
        private final ThreadLocal<Worker> ofThread = new ThreadLocal<>();

        Searches(Repository repository) {
            this.repository = repository;
        }

        Worker worker() {
            Worker worker = ofThread.get();
            if (worker == null) {
                worker = new Worker(repository, maxBlobSize);
                ofThread.set(worker);
                synchronized (workers) {
                    workers.add(worker);
                }
            }
            return worker;
        }

        void close() {
            synchronized (workers) {
                workers.forEach(Worker::close);
                workers.clear();
            }
        }
    }

    /**
     * One commit, on a pool thread: its changed files against its first parent, each (blob, path) searched unless an
     * earlier commit did, and for a blob with a match the lines the commit added (for an added path, against the file
     * it was renamed or copied from, if any: {@link #renames}).
     */
    private CommitResult scanCommit(Worker worker, ObjectId parentTree, ObjectId tree,
            Searches searches, FindingSink sink) throws IOException, InterruptedException {
        List<Problem> problems = new ArrayList<>();
        List<AddedSecrets> added = new ArrayList<>();
        CommitResult result = new CommitResult(problems, added);
        ObjectReader reader = worker.reader;
        List<DiffEntry> entries;
        try {
            entries = worker.changes.scan(oldTree(reader, parentTree), new CanonicalTreeParser(null, reader, tree));
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(null, null, " could not be diffed: " + objectProblem(e), null));
            return result;
        }
        // First the searches, in the order of the entries; then the diffs of the blobs with a match.
        List<Searched> searched = new ArrayList<>();
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
            BlobSearch search = new BlobSearch();
            BlobSearch earlier = searches.byBlob.putIfAbsent(blob, search);
            String text = null;
            if (earlier == null) {
                text = search(reader, blob, search, searches.byId, sink);
            } else {
                search = earlier;
                search.await();
            }
            if (search.problem == null && search.matches == null) {
                continue;
            }
            searched.add(new Searched(entry, blob, search, text));
        }
        List<DiffEntry> withRenames = null;
        boolean hasSources = false;
        for (DiffEntry entry : entries) {
            hasSources |= isRenameSource(entry);
        }
        for (Searched one : searched) {
            DiffEntry entry = one.entry();
            BlobSearch search = one.search();
            if (search.problem != null) {
                problems.add(search.problem);
                continue;
            }
            BlobAtPath blob = one.blob();
            String text = one.text();
            try {
                if (text == null) {
                    // a blob an earlier commit searched, added again (a revert, a merge): only its diff is new
                    text = new String(reader.open(blob.blob(), Constants.OBJ_BLOB)
                            .getCachedBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBlobSize)), StandardCharsets.UTF_8);
                }
                DiffEntry changed = entry;
                if (entry.getChangeType() == DiffEntry.ChangeType.ADD && hasSources) {
                    // An added path may be the new name of a file: rename detection pairs it with the old one, so
                    // that only the lines the commit really added count. A modified path keeps its name either way.
                    if (withRenames == null) {
                        Set<String> withMatches = new HashSet<>();
                        for (Searched other : searched) {
                            if (other.search().problem == null
                                    && other.entry().getChangeType() == DiffEntry.ChangeType.ADD) {
                                withMatches.add(other.entry().getNewPath());
                            }
                        }
                        withRenames = renames(worker.changes, worker.diff, reader, parentTree, tree, entries,
                                withMatches);
                    }
                    changed = entryFor(withRenames, blob.path());
                }
                if (changed != null) {
                    AddedSecrets secrets = keepAdded(worker.diff, changed, blob, text, search.matches);
                    if (secrets != null) {
                        added.add(secrets);
                    }
                }
            } catch (LargeObjectException e) {
                problems.add(new Problem("history-unreadable-blob", null, null, null));
            } catch (IOException | RuntimeException e) {
                problems.add(new Problem("history-unreadable-blob", entry.getNewPath(), ": blob "
                        + entry.getNewId().name() + " cannot be read: " + objectProblem(e), null));
            }
        }
        return result;
    }

    /** An entry of a commit whose blob has matches (or could not be read), with its text when this commit read it. */
    private record Searched(DiffEntry entry, BlobAtPath blob, BlobSearch search, String text) {
    }

    /**
     * The commit's changes with renames detected, as {@link DiffFormatter#scan} with rename detection gives them for
     * the added paths {@code withMatches}. Rename detection pairs each added path with the deleted file (or the old side of
     * a file whose type changed) it resembles most, exact copies first; which file an added path is paired with
     * depends on the added path and the deleted files alone, not on the other added paths (a deleted file may be the
     * source of several). So the detector is given the deleted files, the added paths that are exact copies of one
     * of them (they take the deleted files they copy before any similarity is measured) and the added paths with a
     * match, not every added file of the commit: measuring the similarity of each added file against each deleted one
     * is what made a moved directory expensive. Beyond the rename limit the detector only pairs exact copies, and
     * whether the limit is passed depends on all the files: then it is given all of them.
     */
    static List<DiffEntry> renames(DiffFormatter changes, DiffFormatter withRenames, ObjectReader reader,
            ObjectId parentTree, ObjectId tree, List<DiffEntry> entries, Set<String> withMatches) throws IOException {
        int sources = 0;
        int added = 0;
        Set<ObjectId> sourceIds = new HashSet<>();
        for (DiffEntry entry : entries) {
            if (isRenameSource(entry)) {
                sources++;
                sourceIds.add(entry.getOldId().toObjectId());
            }
            if (entry.getChangeType() == DiffEntry.ChangeType.ADD || isRenameSource(entry)
                    && entry.getChangeType() == DiffEntry.ChangeType.MODIFY) {
                added++;
            }
        }
        RenameDetector detector = withRenames.getRenameDetector();
        int limit = detector.getRenameLimit();
        if (limit != 0 && (limit < sources || limit < added)) {
            return withRenames.scan(oldTree(reader, parentTree), new CanonicalTreeParser(null, reader, tree));
        }
        // The detector marks the entries it pairs: it gets its own.
        List<DiffEntry> candidates = new ArrayList<>();
        for (DiffEntry entry : changes.scan(oldTree(reader, parentTree),
                new CanonicalTreeParser(null, reader, tree))) {
            if (isRenameSource(entry) || entry.getChangeType() == DiffEntry.ChangeType.ADD
                    && (withMatches.contains(entry.getNewPath())
                            || sourceIds.contains(entry.getNewId().toObjectId()))) {
                candidates.add(entry);
            }
        }
        detector.reset();
        detector.addAll(candidates);
        try {
            return detector.compute(reader, NullProgressMonitor.INSTANCE);
        } catch (CanceledException e) {
            throw new InterruptedIOException("Rename detection was cancelled"); // never, without a monitor
        }
    }

    /** Whether rename detection may pair an added path with the old side of this change. */
    private static boolean isRenameSource(DiffEntry entry) {
        return entry.getChangeType() == DiffEntry.ChangeType.DELETE
                || entry.getChangeType() == DiffEntry.ChangeType.MODIFY
                        && (entry.getOldMode().getBits() & FileMode.TYPE_MASK)
                                != (entry.getNewMode().getBits() & FileMode.TYPE_MASK);
    }

    private static AbstractTreeIterator oldTree(ObjectReader reader, ObjectId parentTree) throws IOException {
        return parentTree == null ? new EmptyTreeIterator() : new CanonicalTreeParser(null, reader, parentTree);
    }

    private static DiffEntry entryFor(List<DiffEntry> entries, String path) {
        for (DiffEntry entry : entries) {
            if (entry.getChangeType() != DiffEntry.ChangeType.DELETE && entry.getNewPath().equals(path)) {
                return entry;
            }
        }
        return null;
    }

    /**
     * Searches a blob, once, and completes {@code search} with its matches ({@code null} when it holds no secret or
     * is binary or too large) or the problem reading it. Returns the decoded text when there are matches.
     */
    private String search(ObjectReader reader, BlobAtPath blob, BlobSearch search, Map<ObjectId, BlobKind> byId,
            FindingSink sink) {
        List<SecretMatch> found = null;
        Problem problem = null;
        String text = null;
        try {
            BlobKind known = byId.get(blob.blob());
            if (known == BlobKind.TOO_LARGE) {
                sink.skipped("history-too-large");
                return null;
            }
            if (known == BlobKind.BINARY) {
                sink.skipped("history-binary");
                return null;
            }
            boolean keyed = !detector.searchesWithoutKeywords(blob.path());
            if (known == BlobKind.NO_KEYWORD && keyed) {
                return null;
            }
            ObjectLoader loader = reader.open(blob.blob(), Constants.OBJ_BLOB);
            if (loader.getSize() > maxBlobSize) {
                byId.put(blob.blob(), BlobKind.TOO_LARGE);
                sink.skipped("history-too-large");
                return null;
            }
            byte[] content = loader.getCachedBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBlobSize));
            if (RawText.isBinary(content)) {
                byId.put(blob.blob(), BlobKind.BINARY);
                sink.skipped("history-binary");
                return null;
            }
            String[] decoded = new String[1];
            List<SecretMatch> matches = detector.detect(blob.path(), content, () -> {
                decoded[0] = new String(content, StandardCharsets.UTF_8);
                return decoded[0];
            }, warning -> sink.warning("History blob " + blob.blob().abbreviate(12).name() + ": " + warning));
            if (keyed && decoded[0] == null && matches.isEmpty()) {
                byId.put(blob.blob(), BlobKind.NO_KEYWORD); // not decoded: no keyword occurs in it
            }
            if (!matches.isEmpty()) {
                for (SecretMatch match : matches) {
                    // Masked wherever else the report carries it (a path, an author's name).
                    sink.secretValue(decoded[0].subSequence(match.secretStart(), match.secretEnd()));
                }
                found = matches;
                text = decoded[0];
            }
        } catch (LargeObjectException e) {
            problem = new Problem("history-unreadable-blob", null, null, search);
        } catch (IOException | RuntimeException e) {
            problem = new Problem("history-unreadable-blob", blob.path(), ": blob " + blob.blob().name()
                    + " cannot be read: " + objectProblem(e), search);
        } finally {
            search.complete(found, problem);
        }
        return text;
    }

    /** The matches on lines the commit of {@code entry} added to the file, or {@code null} for none. */
    private static AddedSecrets keepAdded(DiffFormatter diff, DiffEntry entry, BlobAtPath blob, String text,
            List<SecretMatch> matches) throws IOException {
        List<Edit> edits = diff.toFileHeader(entry).toEditList();
        if (edits.isEmpty()) {
            return null;
        }
        LineIndex lines = new LineIndex(text);
        List<SecretMatch> added = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (SecretMatch match : matches) {
            int line = lines.lineOf(match.secretStart()) - 1;
            for (Edit edit : edits) {
                if (line >= edit.getBeginB() && line < edit.getEndB()) {
                    added.add(match);
                    hashes.add(SecretFingerprint.of(match.rule().id(),
                            text.subSequence(match.secretStart(), match.secretEnd())));
                    break;
                }
            }
        }
        return added.isEmpty() ? null : new AddedSecrets(blob.blob(), blob.path(), added, hashes);
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
