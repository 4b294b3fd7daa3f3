package io.jenkins.plugins.devsecops.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceSelectionTest {

    private static final List<ReferenceCandidate> BUILDS = List.of(
            new ReferenceCandidate("10", "main", true, Instant.parse("2026-01-10T00:00:00Z"), true),
            new ReferenceCandidate("11", "main", false, Instant.parse("2026-01-11T00:00:00Z"), true),
            new ReferenceCandidate("12", "feature/x", true, Instant.parse("2026-01-12T00:00:00Z"), true),
            new ReferenceCandidate("13", "feature/x", false, Instant.parse("2026-01-13T00:00:00Z"), false));

    @Test
    void shouldPickEachKindOfReference() {
        assertThat(ReferenceSelection.previous().select(BUILDS)).map(ReferenceCandidate::id).contains("12");
        assertThat(ReferenceSelection.lastSuccessful().select(BUILDS)).map(ReferenceCandidate::id).contains("12");
        assertThat(ReferenceSelection.named("10").select(BUILDS)).map(ReferenceCandidate::id).contains("10");
        assertThat(ReferenceSelection.targetBranch("main").select(BUILDS)).map(ReferenceCandidate::id).contains("11");
        assertThat(ReferenceSelection.named("99").select(BUILDS)).isEmpty();
        assertThat(ReferenceSelection.targetBranch("release").select(BUILDS)).isEmpty();
        assertThatThrownBy(() -> ReferenceSelection.named(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
