package io.jenkins.plugins.devsecops.sast.taint;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.sast.ir.MethodIr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link MethodSlots} numbers methods by id as a map by id string would, for ids made from the owner and name and for
 * ids kept as given (overloads), without keeping id strings.
 */
class MethodSlotsTest {

    @Test
    void givesEachIdOneSlotInTheOrderFirstAddedAsAMapByIdDoes() {
        MethodSlots slots = new MethodSlots();
        Map<String, Integer> expected = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 20_000; i++) {
                MethodIr method = i % 3 == 0
                        ? method("p.C" + i % 997 + "#m" + i % 1_013 + "/1(java.lang.String)", "p.C" + i % 997,
                                "m" + i % 1_013)
                        : method("p.C" + i % 997 + "#m" + i % 1_013 + "/1", "p.C" + i % 997, "m" + i % 1_013);
                int slot = slots.add(method);
                Integer before = expected.putIfAbsent(method.id(), expected.size());
                assertThat(slot).as(method.id()).isEqualTo(before == null ? expected.size() - 1 : before);
                assertThat(slots.slot(method)).isEqualTo(slot);
            }
        }
        assertThat(slots.size()).isEqualTo(expected.size());
        assertThat(slots.slot(method("p.Other#m/1", "p.Other", "m"))).isEqualTo(-1);
        assertThat(slots.contains(method("p.C1#m1/1", "p.C1", "m1"))).isTrue();
    }

    @Test
    void anIdMadeFromOwnerAndNameEqualsTheSameIdGiven() {
        MethodIr plain = method("p.A#run/1", "p.A", "run");
        // an owner whose name ends like an id's suffix: the id is still compared as a whole
        MethodIr tricky = method("p.A#run/1", "p.A#run", "1");

        assertThat(plain.id()).isEqualTo("p.A#run/1");
        assertThat(plain.sameId(method(new String("p.A#run/1"), new String("p.A"), new String("run")))).isTrue();
        assertThat(tricky.id()).isEqualTo("p.A#run/1");
        assertThat(tricky.sameId(plain)).isTrue();
        assertThat(tricky.idHash()).isEqualTo(plain.idHash()).isEqualTo("p.A#run/1".hashCode());
        MethodSlots slots = new MethodSlots();
        assertThat(slots.add(plain)).isEqualTo(slots.add(tricky));
    }

    private static MethodIr method(String id, String owner, String name) {
        return new MethodIr(id, owner, name, List.of("a"), List.of("java.lang.String"), List.of(List.of()),
                List.of(), false, List.of(), "A.java", 1, "void", List.of(), Map.of());
    }
}
