package io.jenkins.plugins.devsecops.compliance;

import io.jenkins.plugins.devsecops.model.Finding;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The rows of one requirement (or a framework's unmapped findings), kept as two numbers per row: the finding's index
 * in the scan's open findings and the index of its basis text. A row is made when it is read, from the finding read
 * back then (the open findings may live on disk, see {@code FindingList}), so that a view of a scan with many findings
 * and many frameworks holds a few bytes per row instead of a row of strings. Immutable.
 */
final class ComplianceRows extends AbstractList<ComplianceFindingRow> implements RandomAccess {

    private final List<Finding> findings;
    private final List<String> bases;
    private final int[] findingIndexes;
    private final int[] basisIndexes;
    /** Rows per severity (by ordinal): known without reading a finding back. */
    private final int[] severityCounts;

    private ComplianceRows(List<Finding> findings, List<String> bases, int[] findingIndexes, int[] basisIndexes,
            int[] severityCounts) {
        this.findings = findings;
        this.bases = bases;
        this.findingIndexes = findingIndexes;
        this.basisIndexes = basisIndexes;
        this.severityCounts = severityCounts;
    }

    /** How many rows there are of each severity, by the severity's ordinal. */
    int[] severityCounts() {
        return severityCounts.clone();
    }

    /** The findings the rows point into. */
    List<Finding> findings() {
        return findings;
    }

    /** The index in {@link #findings()} of row {@code index}'s finding. */
    int findingIndex(int index) {
        return findingIndexes[index];
    }

    /** The basis of row {@code index}. */
    String basis(int index) {
        return bases.get(basisIndexes[index]);
    }

    @Override
    public ComplianceFindingRow get(int index) {
        return ComplianceFindingRow.of(findings.get(findingIndexes[index]), bases.get(basisIndexes[index]));
    }

    @Override
    public int size() {
        return findingIndexes.length;
    }

    /** Collects rows, then gives them most severe first, in the order added among equals. Not thread-safe. */
    static final class Builder {
        private int[][] findingIndexes;
        private int[][] basisIndexes;
        private int[] sizes;

        Builder(int severities) {
            findingIndexes = new int[severities][];
            basisIndexes = new int[severities][];
            sizes = new int[severities];
        }

        void add(int severity, int findingIndex, int basisIndex) {
            if (findingIndexes[severity] == null) {
                findingIndexes[severity] = new int[8];
                basisIndexes[severity] = new int[8];
            } else if (sizes[severity] == findingIndexes[severity].length) {
                findingIndexes[severity] = Arrays.copyOf(findingIndexes[severity], sizes[severity] * 2);
                basisIndexes[severity] = Arrays.copyOf(basisIndexes[severity], sizes[severity] * 2);
            }
            findingIndexes[severity][sizes[severity]] = findingIndex;
            basisIndexes[severity][sizes[severity]] = basisIndex;
            sizes[severity]++;
        }

        /** The rows, ordered by severity as {@code Severity}'s natural order sorts them. */
        ComplianceRows build(List<Finding> findings, List<String> bases) {
            int total = Arrays.stream(sizes).sum();
            int[] allFindings = new int[total];
            int[] allBases = new int[total];
            int at = 0;
            for (int severity = 0; severity < sizes.length; severity++) {
                if (sizes[severity] > 0) {
                    System.arraycopy(findingIndexes[severity], 0, allFindings, at, sizes[severity]);
                    System.arraycopy(basisIndexes[severity], 0, allBases, at, sizes[severity]);
                    at += sizes[severity];
                }
            }
            findingIndexes = null;
            basisIndexes = null;
            return new ComplianceRows(findings, bases, allFindings, allBases, sizes.clone());
        }
    }
}
