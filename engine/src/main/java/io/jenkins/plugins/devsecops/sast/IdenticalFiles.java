package io.jenkins.plugins.devsecops.sast;

import io.jenkins.plugins.devsecops.sast.ir.ClassIr;
import io.jenkins.plugins.devsecops.sast.ir.MethodIr;
import io.jenkins.plugins.devsecops.sast.ir.UnitIr;
import io.jenkins.plugins.devsecops.sast.rules.SyntaxFinding;
import io.jenkins.plugins.devsecops.files.SpillFile;
import io.jenkins.plugins.devsecops.files.SpillFileOnDemand;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The Java files of one scan whose content is byte-identical to a file parsed earlier in the same scan (vendored or
 * copied sources, a project checked out twice). Such a file is not parsed again: what its parse would give depends on
 * its text only, except for the path, so the first file's {@link Outcome} is replayed under the new path. Its classes
 * add nothing to the whole-program analysis, which keeps the first class of each name and never looks at a later
 * one, and every class name in an identical file was claimed by the first file. A file is a copy only when its bytes
 * are equal to the first file's, so that a hostile file cannot pass for another one: files are keyed by length and a
 * fast 64-bit hash, the first file of each content is kept in a private temporary file, and a later file of the same
 * key is compared with it byte for byte (where no temporary file can be written, the first file's SHA-256 is kept
 * and compared instead). Hashing with SHA-256 every Java file was 1.6 % of a full scan's CPU.
 *
 * <p>Thread-safe: the first file of a content parses it; a second file of that content arriving meanwhile waits for
 * that outcome (or parses on its own if the first file failed).
 */
final class IdenticalFiles implements AutoCloseable {

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

    /**
     * The key of a content: its length and a fast 64-bit hash. Equal keys only make two contents candidates: they are
     * the same content only when their bytes are equal (or, where the bytes could not be kept, their SHA-256).
     */
    private static final class Key {
        private final int length;
        private final long hash;

        Key(byte[] content) {
            this.length = content.length;
            this.hash = hash(content);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.length == length && k.hash == hash;
        }

        @Override
        public int hashCode() {
            return (int) (hash ^ hash >>> 32);
        }
    }

    /** The first file of one content: its outcome, and its bytes in the spill file (or their SHA-256). */
    private static final class Content {
        final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        /** Where its bytes are in the spill file; -1 when they could not be written there. */
        final long offset;
        /** Its SHA-256 when its bytes are not in the spill file, else null. */
        final byte[] digest;

        Content(long offset, byte[] digest) {
            this.offset = offset;
            this.digest = digest;
        }
    }

    /**
     * How many different contents one key keeps: a key shared by more (contents made to collide) makes later files
     * of that key parse as usual, so that a claim never compares a file with more than this many.
     */
    static final int MAX_CONTENTS_PER_KEY = 4;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    /** The contents seen, by key (guarded by {@code this}). */
    private final Map<Key, List<Content>> byKey = new HashMap<>();
    /** The first file of each content's bytes, to compare later files of the same key with. */
    private final SpillFileOnDemand storage = new SpillFileOnDemand("devsecops-sast-files-");

    /** Claims a file's content (any thread). */
    synchronized Claim claim(byte[] content) {
        Key key = new Key(content);
        List<Content> candidates = byKey.get(key);
        byte[] digest = null;
        if (candidates != null) {
            for (Content candidate : candidates) {
                if (candidate.offset >= 0) {
                    if (sameBytes(candidate.offset, content)) {
                        return new Claim(candidate.outcome, false);
                    }
                } else {
                    digest = digest != null ? digest : sha256(content);
                    if (Arrays.equals(candidate.digest, digest)) {
                        return new Claim(candidate.outcome, false);
                    }
                }
            }
            if (candidates.size() >= MAX_CONTENTS_PER_KEY) {
                return new Claim(new CompletableFuture<>(), true);
            }
        }
        Content first = kept(content, digest);
        byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(first);
        return new Claim(first.outcome, true);
    }

    /** The first file of a content: its bytes written to the spill file, or else their digest kept. */
    private Content kept(byte[] content, byte[] digest) {
        SpillFile open = storage.forWriting();
        if (open != null) {
            try {
                return new Content(open.append(content), null);
            } catch (IOException e) {
                storage.writeFailed();
            }
        }
        return new Content(-1, digest != null ? digest : sha256(content));
    }

    /** Whether the bytes in the spill file at {@code offset} are {@code content} (false when they can't be read). */
    private boolean sameBytes(long offset, byte[] content) {
        SpillFile file = storage.forReading();
        if (file == null) {
            return false;
        }
        try {
            return Arrays.equals(file.read(offset, content.length), content);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Ends the scan's use of the spill file and of the contents seen: no file is claimed after it (one entry per
     * distinct Java file, held through the whole-program analysis otherwise).
     */
    @Override
    public synchronized void close() {
        storage.close();
        byKey.clear();
    }

    /** A fast 64-bit hash of the bytes, eight at a time (not a defence against collisions: equal bytes are). */
    static long hash(byte[] content) {
        long h = 0x9E3779B97F4A7C15L ^ content.length;
        int i = 0;
        int whole = content.length & ~7;
        for (; i < whole; i += 8) {
            h = (h ^ (long) LONGS.get(content, i)) * 0xFF51AFD7ED558CCDL;
            h ^= h >>> 32;
        }
        for (; i < content.length; i++) {
            h = (h ^ content[i]) * 0xC4CEB9FE1A85EC53L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        return h ^ h >>> 33;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
