package io.jenkins.plugins.devsecops.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one stage did during a scan.
 *
 * @param stage the stage id
 * @param filesScanned files the stage read
 * @param bytesScanned bytes the stage read
 * @param findingCount findings the stage reported
 * @param skipped files the stage passed over, counted by reason
 * @param errors errors on single inputs or on the whole stage; never lose the other results
 * @param warnings things the user should know, e.g. a stale advisory database
 * @param properties stage-specific facts, e.g. the advisory source and its freshness
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StageResult(String stage, StageStatus status, long durationMillis, long filesScanned, long bytesScanned,
        int findingCount, Map<String, Long> skipped, List<StageError> errors, List<String> warnings,
        Map<String, String> properties) implements Serializable {

    private static final long serialVersionUID = 1L;

    public StageResult {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
        skipped = skipped == null || skipped.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(skipped));
        errors = errors == null ? List.of() : List.copyOf(errors);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        properties = properties == null || properties.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** A builder for the result of stage {@code stage}. */
    public static Builder builder(String stage) {
        return new Builder(stage);
    }

    /** Builds {@link StageResult}s. Not thread-safe. */
    public static final class Builder {
        private final String stage;
        private StageStatus status = StageStatus.COMPLETED;
        private long durationMillis;
        private long filesScanned;
        private long bytesScanned;
        private int findingCount;
        private final Map<String, Long> skipped = new LinkedHashMap<>();
        private final List<StageError> errors = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder(String stage) {
            this.stage = stage;
        }

        public Builder status(StageStatus value) {
            status = value;
            return this;
        }

        public Builder durationMillis(long value) {
            durationMillis = value;
            return this;
        }

        public Builder filesScanned(long value) {
            filesScanned = value;
            return this;
        }

        public Builder bytesScanned(long value) {
            bytesScanned = value;
            return this;
        }

        public Builder findingCount(int value) {
            findingCount = value;
            return this;
        }

        public Builder skipped(String reason, long count) {
            skipped.merge(reason, count, Long::sum);
            return this;
        }

        public Builder error(StageError value) {
            errors.add(value);
            return this;
        }

        public Builder warning(String value) {
            warnings.add(value);
            return this;
        }

        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public StageResult build() {
            return new StageResult(stage, status, durationMillis, filesScanned, bytesScanned, findingCount, skipped,
                    errors, warnings, properties);
        }
    }
}
