package io.jenkins.plugins.devsecops.compliance;

import io.jenkins.plugins.devsecops.files.SpillFile;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.FindingPass;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The CSV cells of every finding of a list, rendered once, as UTF-8 bytes: a compliance CSV lists a finding once
 * per requirement it bears on (on a large scan about five times), and reading the finding back from disk for every
 * row cost more than writing the file. Per finding it keeps the cells from {@code severity} to {@code cwes} and the
 * {@code fingerprint} cell; a large list's cells go to a temporary file (one offset a finding in memory), a small
 * list's stay in memory.
 */
final class CsvFindingCells implements AutoCloseable {

    private static final int BLOCK = 64 * 1024;
    /**
     * How much is read from the file at a time: rows list a requirement's findings in rising order with gaps, so a
     * small window serves the next rows without copying much for the rows that jump.
     */
    private static final int WINDOW = 4 * 1024;

    private final SpillFile file;
    private final byte[] memory;
    /** Start of each finding's cells, then the end of the last one. */
    private final long[] offsets;
    /** Where the fingerprint cell starts within each finding's cells. */
    private final int[] fingerprintAt;
    private byte[] window = new byte[0];
    private long windowStart;
    private int windowLength;

    private CsvFindingCells(SpillFile file, byte[] memory, long[] offsets, int[] fingerprintAt) {
        this.file = file;
        this.memory = memory;
        this.offsets = offsets;
        this.fingerprintAt = fingerprintAt;
    }

    /** Renders the cells of every finding of {@code findings}, read once in order. */
    static CsvFindingCells of(List<Finding> findings) throws IOException {
        Builder builder = new Builder(findings);
        int index = 0;
        for (Finding finding : findings) {
            builder.read(index++, finding);
        }
        return builder.build();
    }

    /**
     * Renders the cells of the findings of a list read in order, each once ({@link FindingPass}). A failure to
     * write the temporary file is kept and thrown by {@link #build}.
     */
    static final class Builder implements FindingPass.Reader, AutoCloseable {
        private final int size;
        private final long[] offsets;
        private final int[] fingerprintAt;
        private SpillFile file;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream(BLOCK);
        private final StringBuilder cells = new StringBuilder(256);
        private long written;
        private int count;
        private IOException failure;
        private boolean built;

        /** A builder for the cells of {@code findings}: in a temporary file when the list is spilled. */
        Builder(List<Finding> findings) {
            size = findings.size();
            offsets = new long[size + 1];
            fingerprintAt = new int[size];
            if (FindingList.isSpilled(findings)) {
                try {
                    file = SpillFile.create("devsecops-csv-");
                } catch (IOException e) {
                    failure = e;
                }
            }
        }

        @Override
        public void read(int index, Finding finding) {
            if (failure != null) {
                return;
            }
            if (index != count || index >= size) {
                throw new IllegalStateException("Finding " + index + " read out of order");
            }
            ComplianceFindingRow row = ComplianceFindingRow.of(finding, "");
            cells.setLength(0);
            cells.append(ComplianceCsv.cell(row.severity().name())).append(',')
                    .append(ComplianceCsv.cell(row.stage())).append(',')
                    .append(ComplianceCsv.cell(row.ruleId())).append(',')
                    .append(ComplianceCsv.cell(row.title())).append(',')
                    .append(ComplianceCsv.cell(row.location())).append(',')
                    .append(ComplianceCsv.cell(row.cwes())).append(',');
            byte[] head = cells.toString().getBytes(StandardCharsets.UTF_8);
            byte[] fingerprint = ComplianceCsv.cell(row.fingerprint()).getBytes(StandardCharsets.UTF_8);
            offsets[index] = written + pending.size();
            fingerprintAt[index] = head.length;
            pending.write(head, 0, head.length);
            pending.write(fingerprint, 0, fingerprint.length);
            count++;
            if (file != null && pending.size() >= BLOCK) {
                try {
                    flush();
                } catch (IOException e) {
                    failure = e;
                    close();
                }
            }
        }

        private void flush() throws IOException {
            byte[] bytes = pending.toByteArray();
            file.write(bytes, 0, bytes.length, written);
            written += bytes.length;
            pending.reset();
        }

        /**
         * The cells (the caller closes them).
         *
         * @throws IOException when the temporary file could not be written
         */
        CsvFindingCells build() throws IOException {
            if (built) {
                throw new IllegalStateException("The cells were built");
            }
            built = true;
            if (failure != null) {
                close();
                throw failure;
            }
            if (count != size) {
                close();
                throw new IllegalStateException(count + " of " + size + " findings were read");
            }
            byte[] rest = pending.toByteArray();
            try {
                if (file != null) {
                    file.write(rest, 0, rest.length, written);
                }
            } catch (IOException e) {
                close();
                throw e;
            }
            offsets[size] = written + rest.length;
            return new CsvFindingCells(file, file == null ? rest : null, offsets, fingerprintAt);
        }

        /** Drops the temporary file (when the cells are not built, or failed). */
        @Override
        public void close() {
            if (file != null) {
                file.close();
                file = null;
            }
        }
    }

    /** Writes finding {@code index}'s cells with {@code basisCell} between its CWEs and its fingerprint. */
    void write(int index, byte[] basisCell, OutputStream out) throws IOException {
        long from = offsets[index];
        int length = Math.toIntExact(offsets[index + 1] - from);
        byte[] bytes;
        int at;
        if (memory != null) {
            bytes = memory;
            at = (int) from;
        } else {
            at = window(from, length);
            bytes = window;
        }
        int split = fingerprintAt[index];
        out.write(bytes, at, split);
        out.write(basisCell);
        out.write(',');
        out.write(bytes, at + split, length - split);
    }

    /** Reads the bytes at {@code from} into the window unless it holds them; gives where they start in it. */
    private int window(long from, int length) throws IOException {
        if (from < windowStart || from + length > windowStart + windowLength) {
            long end = Math.min(offsets[offsets.length - 1], from + Math.max(WINDOW, length));
            int count = (int) (end - from);
            if (window.length < count) {
                window = Arrays.copyOf(window, Math.max(WINDOW, count));
            }
            file.readFully(window, 0, count, from);
            windowStart = from;
            windowLength = count;
        }
        return (int) (from - windowStart);
    }

    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
    }
}
