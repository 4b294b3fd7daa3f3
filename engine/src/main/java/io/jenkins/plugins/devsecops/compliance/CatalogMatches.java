package io.jenkins.plugins.devsecops.compliance;

import io.jenkins.plugins.devsecops.model.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The requirements a catalogue's frameworks match for findings, remembered by what the matching reads of a finding:
 * its rule id, stage, {@code kind} property, CWE ids and identifiers. The findings of one rule mostly agree on all
 * of these, so a scan of many findings asks the catalogue a few hundred distinct questions, not one per finding and
 * requirement. At most {@link #MAX_REMEMBERED} answers are kept; the rest are worked out each time. Not thread-safe
 * (one per view or report being built).
 */
public final class CatalogMatches {

    /** Most distinct findings remembered. */
    static final int MAX_REMEMBERED = 8_192;

    private final ComplianceCatalog catalog;
    private final Map<Key, Answer> answers = new HashMap<>();

    /** Answers for {@code catalog}. */
    public CatalogMatches(ComplianceCatalog catalog) {
        this.catalog = catalog;
    }

    /** What {@link ComplianceCatalog#matches(Finding)} answers for {@code finding}: every framework's matches. */
    public List<ComplianceMatch> all(Finding finding) {
        return of(finding).all();
    }

    /** What matching reads of a finding: two findings equal in these get the same answer. */
    private record Key(String ruleId, String stage, String kind, List<String> cwes, List<String> identifiers) {
        static Key of(Finding finding) {
            return new Key(finding.ruleId(), finding.stage(), finding.properties().get(ComplianceItem.KIND_PROPERTY),
                    finding.cwes(), finding.identifiers());
        }

        // written out: the record's own are made by an invokedynamic bootstrap at their first call (~2 ms of every
        // scan writing a compliance report); only looked up in a hash map, never iterated

        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof Key key && Objects.equals(ruleId, key.ruleId)
                    && Objects.equals(stage, key.stage) && Objects.equals(kind, key.kind)
                    && Objects.equals(cwes, key.cwes) && Objects.equals(identifiers, key.identifiers);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ruleId, stage, kind, cwes, identifiers);
        }
    }

    /**
     * The answers for one finding.
     *
     * @param byFramework per framework of the catalogue (in its order), the requirements the finding bears on
     * @param unmappedReason why the finding bears on none of a framework's requirements (shown then)
     * @param hasCwe whether the finding carries a well-formed CWE id
     */
    record Answer(List<List<ComplianceMatch>> byFramework, String unmappedReason, boolean hasCwe,
            List<ComplianceMatch> all) {
    }

    /** The answers for {@code finding}. */
    Answer of(Finding finding) {
        Key key = Key.of(finding);
        Answer known = answers.get(key);
        if (known != null) {
            return known;
        }
        Answer answer = compute(finding);
        if (answers.size() < MAX_REMEMBERED) {
            answers.put(key, answer);
        }
        return answer;
    }

    private Answer compute(Finding finding) {
        List<List<ComplianceMatch>> byFramework = new ArrayList<>();
        List<ComplianceMatch> all = new ArrayList<>();
        for (ComplianceFramework framework : catalog.frameworks()) {
            List<ComplianceMatch> matches = List.copyOf(catalog.matches(framework, finding));
            byFramework.add(matches);
            all.addAll(matches);
        }
        List<String> cwes = finding.cwes().stream().map(ComplianceCatalog::normalCwe)
                .filter(java.util.Objects::nonNull).toList();
        String unmapped = cwes.isEmpty() ? "no CWE" : String.join(", ", cwes) + " not in this framework";
        return new Answer(List.copyOf(byFramework), unmapped, !cwes.isEmpty(), List.copyOf(all));
    }
}
