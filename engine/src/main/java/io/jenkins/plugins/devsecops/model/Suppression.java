package io.jenkins.plugins.devsecops.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * Why a finding is suppressed. Suppressed findings stay in the report, marked with this record.
 *
 * @param kind how the suppression matched, e.g. {@code inline}, {@code fingerprint}, {@code rule-path}, {@code advisory}
 * @param reason the justification the user gave
 * @param owner who is accountable for it, when known
 * @param expires the day after which the suppression no longer applies, or {@code null}
 * @param source where the suppression was declared, e.g. {@code .devsecops/suppressions.yaml:12}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Suppression(String kind, String reason, String owner, LocalDate expires, String source)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
