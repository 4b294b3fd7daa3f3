package io.jenkins.plugins.devsecops.sast.taint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SlotVersions} keeps the first version read of each slot, as the map of boxed ints it replaced did. */
class SlotVersionsTest {

    @Test
    void keepsTheFirstVersionOfEachSlotAndTellsAReadAtAnotherVersion() {
        SlotVersions read = new SlotVersions();
        assertThat(read.contains(0)).isFalse();
        assertThat(read.allAt(slot -> 99)).isTrue();

        assertThat(read.read(0, 3)).isTrue();
        assertThat(read.read(0, 3)).isTrue();
        assertThat(read.read(0, 4)).isFalse();
        assertThat(read.size()).isEqualTo(1);
        // the first version read stays the one compared
        assertThat(read.allAt(slot -> 3)).isTrue();
        assertThat(read.allAt(slot -> 4)).isFalse();
    }

    @Test
    void growsToThousandsOfSlotsAndAgreesWithAMapOnEveryOne() {
        SlotVersions read = new SlotVersions();
        Map<Integer, Integer> expected = new HashMap<>();
        // slots spread as a program's are (some close together, some far apart), each read a few times
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 5_000; i++) {
                int slot = i % 2 == 0 ? i : i * 7919 % 100_003;
                int version = slot % 5;
                Integer before = expected.putIfAbsent(slot, version);
                assertThat(read.read(slot, version)).isEqualTo(before == null || before == version);
            }
        }
        assertThat(read.size()).isEqualTo(expected.size());
        for (int slot = 0; slot < 100_003; slot++) {
            assertThat(read.contains(slot)).as("slot %d", slot).isEqualTo(expected.containsKey(slot));
        }
        assertThat(read.allAt(slot -> slot % 5)).isTrue();
        int changed = expected.keySet().iterator().next();
        assertThat(read.allAt(slot -> slot == changed ? slot % 5 + 1 : slot % 5)).isFalse();
    }

    @Test
    void givesEachSlotReadWithItsFirstVersionAsPairs() {
        int[] none = {};
        SlotVersions read = new SlotVersions();
        assertThat(read.pairs(none)).isSameAs(none);
        Map<Integer, Integer> expected = new HashMap<>();
        for (int i = 0; i < 3_000; i++) {
            int slot = i * 7919 % 100_003;
            read.read(slot, i % 7);
            read.read(slot, 99);
            expected.putIfAbsent(slot, i % 7);
        }
        int[] pairs = read.pairs(none);
        Map<Integer, Integer> actual = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            assertThat(actual.put(pairs[i], pairs[i + 1])).as("slot %d once", pairs[i]).isNull();
        }
        assertThat(actual).isEqualTo(expected);
    }
}
