package io.jenkins.plugins.devsecops.summary;

import io.jenkins.plugins.devsecops.model.Severity;
import java.io.Serializable;
import java.util.Arrays;

/**
 * One stage's counts in a {@link BuildSummary}. Arrays are indexed by {@link Severity#ordinal()}: CRITICAL, HIGH,
 * MEDIUM, LOW, INFO.
 *
 * @param stage the stage id
 * @param open active findings (new and outstanding) by severity
 * @param added active findings new in this build, by severity
 * @param fixed findings of the reference that are gone, by severity
 * @param suppressed findings marked suppressed
 * @param status how the stage ended ({@code COMPLETED}, {@code FAILED}, {@code TIMED_OUT}, {@code SKIPPED}), or
 *     {@code NOT_RUN} for a required stage the build never ran, or {@code null} in a summary written before the
 *     status was kept (or for a stage only fixed findings name)
 */
public record StageCounts(String stage, int[] open, int[] added, int[] fixed, int suppressed, String status)
        implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SEVERITIES = Severity.values().length;

    public StageCounts {
        open = sized(open);
        added = sized(added);
        fixed = sized(fixed);
    }

    /** Counts of a stage whose status is not known. */
    public StageCounts(String stage, int[] open, int[] added, int[] fixed, int suppressed) {
        this(stage, open, added, fixed, suppressed, null);
    }

    /** The status of a required stage the build never ran. */
    public static final String NOT_RUN = "NOT_RUN";

    /** Whether the stage failed, timed out or, required, never ran (a stage of unknown status is not incomplete). */
    public boolean incomplete() {
        return "FAILED".equals(status) || "TIMED_OUT".equals(status) || NOT_RUN.equals(status);
    }

    private static int[] sized(int[] values) {
        return values == null ? new int[SEVERITIES] : Arrays.copyOf(values, SEVERITIES);
    }

    /** The sum of {@code counts}. */
    public static int total(int[] counts) {
        return Arrays.stream(counts).sum();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StageCounts that && stage.equals(that.stage) && Arrays.equals(open, that.open)
                && Arrays.equals(added, that.added) && Arrays.equals(fixed, that.fixed)
                && suppressed == that.suppressed && java.util.Objects.equals(status, that.status);
    }

    @Override
    public int hashCode() {
        return stage.hashCode() * 31 + Arrays.hashCode(open);
    }

    @Override
    public String toString() {
        return stage + " open=" + Arrays.toString(open) + " new=" + Arrays.toString(added) + " fixed="
                + Arrays.toString(fixed) + " suppressed=" + suppressed + (status == null ? "" : " status=" + status);
    }
}
