package io.jenkins.plugins.devsecops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OldGenerationBudgetTest {

    private static final long MIB = 1L << 20;

    @Test
    void shouldStartAtTheFloorAndFollowTheLiveSet() {
        OldGenerationBudget budget = new OldGenerationBudget(96 * MIB, 32 * MIB);

        // Before any full collection, the floor decides
        assertThat(budget.threshold()).isEqualTo(96 * MIB);
        assertThat(budget.isDue(96 * MIB)).isFalse();
        assertThat(budget.isDue(96 * MIB + 1)).isTrue();

        // A small live set keeps the floor
        budget.fullCollectionLeft(40 * MIB);
        assertThat(budget.threshold()).isEqualTo(96 * MIB);

        // A live set near the floor gets at least the minimum headroom, so that it is not collected at every young GC
        budget.fullCollectionLeft(90 * MIB);
        assertThat(budget.threshold()).isEqualTo(90 * MIB + 32 * MIB);
        budget.fullCollectionLeft(70 * MIB);
        assertThat(budget.threshold()).isEqualTo(70 * MIB + 32 * MIB);

        // A large live set (a big SAST scan) gets a quarter of itself on top: the heap is never capped
        budget.fullCollectionLeft(2048 * MIB);
        assertThat(budget.threshold()).isEqualTo(2560 * MIB);
        assertThat(budget.isDue(2500 * MIB)).isFalse();
        assertThat(budget.isDue(2600 * MIB)).isTrue();

        // And the threshold comes down again when the live set does
        budget.fullCollectionLeft(10 * MIB);
        assertThat(budget.threshold()).isEqualTo(96 * MIB);
    }

    @Test
    void shouldKeepTheMinimumHeadroomForSmallLiveSets() {
        OldGenerationBudget budget = new OldGenerationBudget(16 * MIB, 8 * MIB);
        budget.fullCollectionLeft(12 * MIB);
        assertThat(budget.threshold()).isEqualTo(20 * MIB);
        budget.fullCollectionLeft(64 * MIB);
        assertThat(budget.threshold()).isEqualTo(80 * MIB);
        budget.fullCollectionLeft(Long.MAX_VALUE);
        assertThat(budget.threshold()).isEqualTo(Long.MAX_VALUE);
        budget.fullCollectionLeft(-1);
        assertThat(budget.threshold()).isEqualTo(16 * MIB);
    }

    @Test
    void shouldRefuseNonPositiveSizes() {
        assertThatThrownBy(() -> new OldGenerationBudget(0, MIB)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OldGenerationBudget(MIB, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
