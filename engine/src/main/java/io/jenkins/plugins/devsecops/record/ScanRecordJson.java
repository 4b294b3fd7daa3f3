package io.jenkins.plugins.devsecops.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.devsecops.history.FixedFinding;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import io.jenkins.plugins.devsecops.policy.GateOutcome;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.policy.QualityGate;
import io.jenkins.plugins.devsecops.policy.RequiredStageOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes a {@link ScanRecord} as one gzip-compressed JSON document ({@code docs/architecture.md},
 * "Build records"). Every finding is stored once, in the report; a gate row names the findings that made up its
 * count by their index in the report's findings. Both directions stream through Jackson's generator and parser:
 * neither the JSON text nor a tree of it is ever held in memory, so only the record's objects take room.
 * Thread-safe; share one instance.
 */
public final class ScanRecordJson {

    /** The version of the record layout this engine writes. */
    public static final int CURRENT_VERSION = 1;

    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final ReportJson reports = new ReportJson();

    public ScanRecordJson() {
        ObjectMapper mapper = reports.mapper();
        this.writer = mapper.writerFor(Stored.class).without(SerializationFeature.INDENT_OUTPUT);
        this.reader = mapper.readerFor(Stored.class);
    }

    /** The stored layout: the report, then the evaluation with finding references, then the fixed findings. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Stored(int recordVersion, Report report, PolicyVerdict verdict, List<StoredGate> gates,
            List<RequiredStageOutcome> requiredStages, List<String> warnings, List<FixedFinding> fixed,
            List<String> layers, Map<String, String> origins) {
    }

    /**
     * One gate row.
     *
     * @param findings indexes into the report's findings of the findings that made up the count (as listed)
     * @param otherFindings listed findings that are not in the report (none in an engine-made evaluation)
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record StoredGate(QualityGate gate, long actual, PolicyVerdict verdict, int count, List<Integer> findings,
            List<Finding> otherFindings) {
    }

    /**
     * Writes {@code record} gzip-compressed to {@code out}, streaming; closes the compressor, not {@code out}'s
     * caller's resources beyond it.
     */
    public void write(ScanRecord record, OutputStream out) throws IOException {
        Map<Finding, Integer> indexes = new HashMap<>();
        List<Finding> findings = record.report().findings();
        for (int i = 0; i < findings.size(); i++) {
            indexes.putIfAbsent(findings.get(i), i);
        }
        List<StoredGate> gates = new ArrayList<>();
        for (GateOutcome outcome : record.evaluation().gates()) {
            List<Integer> references = new ArrayList<>();
            List<Finding> others = new ArrayList<>();
            for (Finding finding : outcome.trippingFindings()) {
                Integer index = indexes.get(finding);
                if (index == null) {
                    others.add(finding);
                } else {
                    references.add(index);
                }
            }
            gates.add(new StoredGate(outcome.gate(), outcome.actual(), outcome.verdict(), outcome.trippingCount(),
                    references, others));
        }
        PolicyEvaluation evaluation = record.evaluation();
        Stored stored = new Stored(CURRENT_VERSION, record.report(), evaluation.verdict(), gates,
                evaluation.requiredStages(), evaluation.warnings(), record.fixed(), evaluation.layers(),
                evaluation.origins());
        try (GZIPOutputStream gzip = new GZIPOutputStream(new NonClosing(out), 64 * 1024)) {
            writer.writeValue(gzip, stored);
        }
    }

    /**
     * Reads a record written by {@link #write}.
     *
     * @throws IOException when the input is not gzip, not a record, of a newer layout, or refers to findings the
     *     report does not hold
     */
    public ScanRecord read(InputStream in) throws IOException {
        Stored stored;
        try {
            stored = reader.readValue(new GZIPInputStream(in, 64 * 1024));
        } catch (IOException | RuntimeException e) {
            throw new IOException("Not a readable scan record: " + e.getMessage(), e);
        }
        if (stored == null || stored.report() == null || stored.verdict() == null) {
            throw new IOException("Not a scan record: the report or the verdict is missing");
        }
        if (stored.recordVersion() > CURRENT_VERSION) {
            throw new IOException("Scan record version " + stored.recordVersion()
                    + " is newer than this engine understands (" + CURRENT_VERSION + ")");
        }
        if (stored.report().schemaVersion() > Report.CURRENT_SCHEMA_VERSION) {
            throw new IOException("Report schema version " + stored.report().schemaVersion()
                    + " is newer than this engine understands (" + Report.CURRENT_SCHEMA_VERSION + ")");
        }
        List<Finding> findings = stored.report().findings();
        List<GateOutcome> gates = new ArrayList<>();
        for (StoredGate gate : orEmpty(stored.gates())) {
            if (gate == null || gate.gate() == null || gate.verdict() == null) {
                throw new IOException("Scan record: a gate row lacks its gate or verdict");
            }
            List<Finding> listed = new ArrayList<>();
            for (Integer index : orEmpty(gate.findings())) {
                if (index == null || index < 0 || index >= findings.size()) {
                    throw new IOException("Scan record: gate '" + gate.gate().id() + "' refers to finding " + index
                            + " of " + findings.size());
                }
                listed.add(findings.get(index));
            }
            listed.addAll(orEmpty(gate.otherFindings()));
            gates.add(new GateOutcome(gate.gate(), gate.actual(), gate.verdict(), listed, gate.count()));
        }
        PolicyEvaluation evaluation = new PolicyEvaluation(stored.verdict(), gates, stored.requiredStages(),
                stored.warnings(), stored.layers(), stored.origins());
        return new ScanRecord(stored.report(), evaluation, stored.fixed());
    }

    /** Writes a bare report gzip-compressed (the agent's hand-over file), streaming. */
    public void writeReport(Report report, OutputStream out) throws IOException {
        try (GZIPOutputStream gzip = new GZIPOutputStream(new NonClosing(out), 64 * 1024)) {
            reports.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValue(gzip, report);
        }
    }

    /** Reads a report written by {@link #writeReport}, streaming. */
    public Report readReport(InputStream in) throws IOException {
        try {
            return reports.read(new GZIPInputStream(in, 64 * 1024));
        } catch (IOException | RuntimeException e) {
            throw new IOException("Not a readable compressed report: " + e.getMessage(), e);
        }
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    /** Lets the compressor finish without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
