package io.jenkins.plugins.devsecops.sast;

import io.jenkins.plugins.devsecops.sast.ir.ClassIr;
import io.jenkins.plugins.devsecops.sast.ir.MethodIr;
import io.jenkins.plugins.devsecops.sast.ir.UnitIr;
import io.jenkins.plugins.devsecops.sast.rules.SyntaxFinding;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Java files of one scan whose content is byte-identical to a file parsed earlier in the same scan (vendored or
 * copied sources, a project checked out twice). Such a file is not parsed again: what its parse would give depends on
 * its text only, except for the path, so the first file's {@link Outcome} is replayed under the new path. Its classes
 * add nothing to the whole-program analysis, which keeps the first class of each name and never looks at a later
 * one, and every class name in an identical file was claimed by the first file. Contents are told apart by their
 * SHA-256 digest, so that a hostile file cannot pass for another one.
 *
 * <p>Thread-safe: the first file of a content parses it; a second file of that content arriving meanwhile waits for
 * that outcome (or parses on its own if the first file failed).
 */
final class IdenticalFiles {

    /**
     * What parsing a file gave, without its path.
     *
     * @param notes what the front end could not handle, reported as errors on the file
     * @param suppressing the file's classes, each with only its methods that carry a suppression (as stubs)
     * @param ignoredLines lines carrying a {@code devsecops:ignore} comment
     * @param parsed whether the file parsed (only then do the syntax rules run)
     * @param hits the syntax rules' hits in the file
     */
    record Outcome(List<String> notes, List<ClassIr> suppressing, Map<Integer, List<String>> ignoredLines,
            boolean parsed, List<SyntaxFinding> hits) {

        Outcome {
            notes = List.copyOf(notes);
            suppressing = List.copyOf(suppressing);
            ignoredLines = Map.copyOf(ignoredLines);
            hits = List.copyOf(hits);
        }

        /** The outcome of a file whose parse gave {@code unit} and, if it parsed, the syntax hits {@code hits}. */
        static Outcome of(UnitIr unit, boolean parsed, List<SyntaxFinding> hits) {
            List<ClassIr> suppressing = new ArrayList<>();
            for (ClassIr c : unit.classes()) {
                List<MethodIr> methods = c.methods().stream().filter(m -> !m.suppressed().isEmpty())
                        .map(MethodSpool::stub).toList();
                if (!methods.isEmpty()) {
                    suppressing.add(new ClassIr(c.name(), List.of(), Map.of(), c.isInterface(), methods, c.path()));
                }
            }
            return new Outcome(unit.notes(), suppressing, unit.ignoredLines(), parsed, hits);
        }

        /** The unit a file at {@code path} gives for the suppressions: the same as the first file's, moved. */
        UnitIr unitAt(String path) {
            return new UnitIr(path, suppressing, ignoredLines, notes);
        }

        /** The syntax hits a file at {@code path} gives: the same as the first file's, moved. */
        List<SyntaxFinding> hitsAt(String path) {
            return hits.stream().map(h -> new SyntaxFinding(h.rule(), path, h.line(), h.method(), h.detail()))
                    .toList();
        }
    }

    /** A file's place among the contents: the first of its content, or a copy of an earlier one. */
    static final class Claim {
        private final CompletableFuture<Outcome> outcome;
        private final boolean first;

        private Claim(CompletableFuture<Outcome> outcome, boolean first) {
            this.outcome = outcome;
            this.first = first;
        }

        /** Whether this file is the first of its content: it parses and then calls {@link #done}. */
        boolean first() {
            return first;
        }

        /**
         * The first file's outcome, waited for; {@code null} if the first file did not get one (it failed or was
         * interrupted): then this file is parsed as usual.
         */
        Outcome earlier() {
            try {
                return outcome.join();
            } catch (RuntimeException e) {
                return null;
            }
        }

        /** Ends the first file's claim: {@code null} when it has no outcome to share. Later calls change nothing. */
        void done(Outcome result) {
            outcome.complete(result);
        }
    }

    /** A SHA-256 digest. */
    private record Digest(long a, long b, long c, long d) {
    }

    private final ConcurrentHashMap<Digest, CompletableFuture<Outcome>> byContent = new ConcurrentHashMap<>();

    /** Claims a file's content (any thread). */
    Claim claim(byte[] content) {
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> earlier = byContent.putIfAbsent(digest(content), mine);
        return earlier == null ? new Claim(mine, true) : new Claim(earlier, false);
    }

    private static Digest digest(byte[] content) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        ByteBuffer hash = ByteBuffer.wrap(sha.digest(content));
        return new Digest(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
    }
}
