package io.jenkins.plugins.devsecops.compliance;

import io.jenkins.plugins.devsecops.files.SpillFile;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingList;
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
        int size = findings.size();
        long[] offsets = new long[size + 1];
        int[] fingerprintAt = new int[size];
        SpillFile file = FindingList.isSpilled(findings) ? SpillFile.create("devsecops-csv-") : null;
        try {
            ByteArrayOutputStream pending = new ByteArrayOutputStream(BLOCK);
            long written = 0;
            int index = 0;
            StringBuilder cells = new StringBuilder(256);
            for (Finding finding : findings) {
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
                pending.write(head);
                pending.write(fingerprint);
                index++;
                if (file != null && pending.size() >= BLOCK) {
                    byte[] bytes = pending.toByteArray();
                    file.write(bytes, 0, bytes.length, written);
                    written += bytes.length;
                    pending.reset();
                }
            }
            byte[] rest = pending.toByteArray();
            if (file != null) {
                file.write(rest, 0, rest.length, written);
            }
            offsets[size] = written + rest.length;
            return new CsvFindingCells(file, file == null ? rest : null, offsets, fingerprintAt);
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                file.close();
            }
            throw e;
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
