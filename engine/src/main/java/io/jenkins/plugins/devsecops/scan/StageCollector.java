package io.jenkins.plugins.devsecops.scan;

import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.StageError;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.StageStatus;
import io.jenkins.plugins.devsecops.model.FindingList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Collects what one stage reports during a scan. Thread-safe. */
final class StageCollector implements FindingSink {

    /** More findings than this from one stage are dropped with a warning: hostile input must not exhaust memory. */
    static final int MAX_FINDINGS = 200_000;

    /** More inventory components than this from one stage are dropped with a warning. */
    static final int MAX_COMPONENTS = 500_000;

    /** More errors than this from one stage are counted, not kept. */
    static final int MAX_ERRORS = 1_000;

    private final String stageId;
    /** What the stage reported, in memory up to a bound, beyond it in a temporary file. */
    private final FindingList.Builder findings = FindingList.builder();
    /**
     * Findings replaced by a later version ({@link #replace}), applied when the findings are read: keyed by value
     * (the reported object is no longer in memory), each replacement applied to one reported finding.
     */
    private final Map<Finding, ArrayDeque<Finding>> replacements = new HashMap<>();
    private final AtomicInteger findingCount = new AtomicInteger();
    private final List<StageError> errors = new ArrayList<>();
    private int droppedErrors;
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final LongAdder files = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private volatile StageStatus status = StageStatus.COMPLETED;
    private boolean findingLimitWarned;
    private final List<Component> components = new ArrayList<>();
    private final FoundSecrets secrets = new FoundSecrets();
    private boolean componentLimitWarned;

    StageCollector(String stageId) {
        this.stageId = stageId;
    }

    @Override
    public void report(Finding finding) {
        if (findingCount.incrementAndGet() > MAX_FINDINGS) {
            synchronized (this) {
                if (!findingLimitWarned) {
                    findingLimitWarned = true;
                    warnings.add("More than " + MAX_FINDINGS + " findings: the rest were dropped");
                }
            }
            return;
        }
        findings.add(finding);
    }

    @Override
    public synchronized void component(Component component) {
        if (components.size() < MAX_COMPONENTS) {
            components.add(component);
        } else if (!componentLimitWarned) {
            componentLimitWarned = true;
            warnings.add("More than " + MAX_COMPONENTS + " inventory components: the rest were dropped");
        }
    }

    synchronized List<Component> components() {
        return new ArrayList<>(components);
    }

    @Override
    public synchronized void error(String path, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new StageError(path, message));
        } else {
            droppedErrors++;
        }
    }

    @Override
    public void secretValue(CharSequence value) {
        secrets.add(value);
    }

    FoundSecrets secrets() {
        return secrets;
    }

    @Override
    public synchronized void warning(String message) {
        warnings.add(message);
    }

    @Override
    public synchronized void skipped(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    @Override
    public synchronized void property(String key, String value) {
        properties.put(key, value);
    }

    void fileScanned(long size, long elapsedNanos) {
        files.increment();
        bytes.add(size);
        nanos.add(elapsedNanos);
    }

    void addTime(long elapsedNanos) {
        nanos.add(elapsedNanos);
    }

    void fail(StageStatus newStatus, String message) {
        status = newStatus;
        error(null, message);
    }

    boolean isActive() {
        return status == StageStatus.COMPLETED;
    }

    /** Findings kept so far, without building a result (cheap enough for progress reports). */
    int findingCount() {
        return Math.min(findingCount.get(), MAX_FINDINGS);
    }

    String stageId() {
        return stageId;
    }

    @Override
    public synchronized void replace(Finding previous, Finding updated) {
        replacements.computeIfAbsent(previous, k -> new ArrayDeque<>()).add(updated);
    }

    /** The findings, replacements applied; call once, when the stage is done. */
    synchronized List<Finding> findings() {
        List<Finding> all = findings.build();
        if (replacements.isEmpty()) {
            return all;
        }
        return FindingList.map(all, finding -> {
            ArrayDeque<Finding> updates = replacements.get(finding);
            Finding updated = updates == null ? null : updates.poll();
            return updated == null ? finding : updated;
        });
    }

    synchronized StageResult result() {
        StageResult.Builder builder = StageResult.builder(stageId)
                .status(status)
                .durationMillis(nanos.sum() / 1_000_000)
                .filesScanned(files.sum())
                .bytesScanned(bytes.sum())
                .findingCount(findingCount());
        skipped.forEach(builder::skipped);
        errors.forEach(builder::error);
        if (droppedErrors > 0) {
            builder.error(new StageError(null, droppedErrors + " more errors were not recorded"));
        }
        warnings.forEach(builder::warning);
        properties.forEach(builder::property);
        return builder.build();
    }
}
