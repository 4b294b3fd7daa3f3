package io.jenkins.plugins.devsecops.sast.taint;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.TraceStep;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link MethodAnalysis.State} copies share their values until one of them is written: every write, removal, join and
 * replacement behaves as if each copy had its own values. The states of one analysis index their variables by one
 * {@link MethodAnalysis.Names}.
 */
class StateCopyOnWriteTest {

    private final MethodAnalysis.Names names = new MethodAnalysis.Names();

    private MethodAnalysis.State state(Object... namesAndValues) {
        Map<String, Value> vars = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            vars.put((String) namesAndValues[i], (Value) namesAndValues[i + 1]);
        }
        return MethodAnalysis.State.of(names, vars, false);
    }

    private static final Value ONE = Value.constant(1L);
    private static final Value TWO = Value.constant(2L);
    private static final Value TAINTED = Value.tainted(Taint.of("remote", true,
            new TraceStep(new Location("A.java", 3, 0, 3, 0, null), "source: request.getParameter(...)")));

    @Test
    void aWriteToACopyLeavesTheOriginalAlone() {
        MethodAnalysis.State original = state("a", ONE);
        MethodAnalysis.State copy = original.copy();
        assertThat(copy.sharesValuesWith(original)).isTrue();

        copy.put("a", TWO);
        copy.put("b", ONE);

        assertThat(original.vars()).containsExactly(Map.entry("a", ONE));
        assertThat(copy.vars()).containsOnly(Map.entry("a", TWO), Map.entry("b", ONE));
    }

    @Test
    void aWriteToTheOriginalLeavesEveryCopyAlone() {
        MethodAnalysis.State original = state("a", ONE, "b", TWO);
        MethodAnalysis.State first = original.copy();
        MethodAnalysis.State second = first.copy();

        original.remove("a");
        original.put("b", TAINTED);

        assertThat(original.vars()).containsExactly(Map.entry("b", TAINTED));
        assertThat(first.vars()).containsOnly(Map.entry("a", ONE), Map.entry("b", TWO));
        assertThat(second.vars()).containsOnly(Map.entry("a", ONE), Map.entry("b", TWO));
        second.put("c", ONE);
        assertThat(first.vars()).doesNotContainKey("c");
    }

    @Test
    void joiningACopyThatWasNotWrittenChangesNothing() {
        MethodAnalysis.State original = state("a", ONE, MethodAnalysis.STATIC + "p.C.f", TWO);
        MethodAnalysis.State branch = original.copy();

        original.join(branch);

        assertThat(original.vars()).containsOnly(Map.entry("a", ONE), Map.entry(MethodAnalysis.STATIC + "p.C.f", TWO));
        assertThat(original.sameAs(branch)).isTrue();
    }

    @Test
    void joiningADivergedCopyJoinsIntoTheJoinerOnly() {
        MethodAnalysis.State original = state("a", ONE, MethodAnalysis.STATIC + "p.C.f", TWO);
        MethodAnalysis.State branch = original.copy();
        branch.put("a", TAINTED);
        branch.remove(MethodAnalysis.STATIC + "p.C.f");

        original.join(branch);

        // a static field's view known on one path only is forgotten; the tainted value joins in
        assertThat(original.vars()).containsOnlyKeys("a");
        assertThat(original.get("a").isTainted()).isTrue();
        assertThat(original.get("a").isConstant()).isFalse();
        assertThat(branch.vars()).containsOnlyKeys("a");
        assertThat(branch.get("a")).isSameAs(TAINTED);
    }

    @Test
    void aDeadStateJoinedTakesTheOthersValuesWithoutSharingLaterWrites() {
        MethodAnalysis.State exit = MethodAnalysis.State.deadState(names);
        MethodAnalysis.State path = state("a", ONE);

        exit.join(path);
        assertThat(exit.dead).isFalse();
        assertThat(exit.vars()).containsExactly(Map.entry("a", ONE));

        path.put("a", TWO);
        exit.put("b", TWO);
        assertThat(exit.vars()).containsOnly(Map.entry("a", ONE), Map.entry("b", TWO));
        assertThat(path.vars()).containsExactly(Map.entry("a", TWO));
    }

    @Test
    void replacedValuesAreNotChangedByLaterWritesToEitherState() {
        MethodAnalysis.State state = state("a", ONE);
        MethodAnalysis.State after = state("b", TWO);
        after.dead = true;

        state.replaceWith(after);
        assertThat(state.dead).isTrue();
        assertThat(state.vars()).containsExactly(Map.entry("b", TWO));

        state.put("c", ONE);
        after.put("d", ONE);
        assertThat(state.vars()).containsOnly(Map.entry("b", TWO), Map.entry("c", ONE));
        assertThat(after.vars()).containsOnly(Map.entry("b", TWO), Map.entry("d", ONE));
    }

    @Test
    void aJoinThatChangesNothingWritesNothing() {
        MethodAnalysis.State original = state("a", ONE, "b", TAINTED);
        MethodAnalysis.State kept = original.copy();
        MethodAnalysis.State branch = original.copy();
        branch.put("a", ONE);

        original.join(branch);

        // every value of the branch is the very value the original holds: the original's values stay shared
        assertThat(original.sharesValuesWith(kept)).isTrue();
        assertThat(original.vars()).containsOnly(Map.entry("a", ONE), Map.entry("b", TAINTED));
    }

    @Test
    void sizesCountTheVariablesHoldingValuesThroughWritesRemovalsAndJoins() {
        String field = MethodAnalysis.STATIC + "p.C.f";
        MethodAnalysis.State original = state("a", ONE, field, TWO);
        assertThat(original.size()).isEqualTo(2);
        MethodAnalysis.State branch = original.copy();
        branch.remove(field);
        branch.remove("missing");
        branch.put("c", TAINTED);
        assertThat(branch.size()).isEqualTo(2);
        assertThat(original.size()).isEqualTo(2);

        original.join(branch);

        // the static view is forgotten, the new local joins in
        assertThat(original.vars()).containsOnlyKeys("a", "c");
        assertThat(original.size()).isEqualTo(2);
    }

    @Test
    void aVariableNamedAfterACopyIsAbsentFromTheCopyAndComparedAsAbsent() {
        MethodAnalysis.State original = state("a", ONE);
        MethodAnalysis.State before = original.copy();
        original.put("later", TWO);
        MethodAnalysis.State other = state("a", ONE);

        assertThat(before.get("later")).isNull();
        assertThat(before.has("later")).isFalse();
        assertThat(before.sameAs(other)).isTrue();
        assertThat(original.sameAs(before)).isFalse();
        original.remove("later");
        assertThat(original.sameAs(before)).isTrue();
        assertThat(before.sameAs(original)).isTrue();
    }

    @Test
    void statesOfManyVariablesCopyJoinAndCompareAcrossChunks() {
        // three chunks and a bit: the values of a large method (temporaries included)
        int variables = 3 * MethodAnalysis.State.CHUNK + 5;
        MethodAnalysis.State original = state();
        for (int i = 0; i < variables; i++) {
            original.put("v" + i, i % 2 == 0 ? ONE : TWO);
        }
        original.put(MethodAnalysis.STATIC + "p.C.f", ONE);
        MethodAnalysis.State then = original.copy();
        MethodAnalysis.State otherwise = original.copy();
        then.put("v" + (MethodAnalysis.State.CHUNK + 1), TAINTED);
        then.put("late", ONE);
        otherwise.remove(MethodAnalysis.STATIC + "p.C.f");
        otherwise.put("v" + (variables - 1), TAINTED);

        assertThat(original.size()).isEqualTo(variables + 1);
        assertThat(then.size()).isEqualTo(variables + 2);
        assertThat(otherwise.size()).isEqualTo(variables);
        assertThat(original.get("v" + (MethodAnalysis.State.CHUNK + 1))).isSameAs(TWO);
        assertThat(original.has("late")).isFalse();

        then.join(otherwise);

        // each path's change joins in, the static view known on one path only is forgotten, the rest is untouched
        assertThat(then.get("v" + (MethodAnalysis.State.CHUNK + 1)).isTainted()).isTrue();
        assertThat(then.get("v" + (variables - 1)).isTainted()).isTrue();
        assertThat(then.get("v0")).isSameAs(ONE);
        assertThat(then.get("late")).isSameAs(ONE);
        assertThat(then.has(MethodAnalysis.STATIC + "p.C.f")).isFalse();
        assertThat(then.size()).isEqualTo(variables + 1);
        assertThat(then.vars()).hasSize(variables + 1);
        // the states copied from are as they were
        assertThat(original.vars()).hasSize(variables + 1);
        assertThat(original.get("v" + (variables - 1))).isSameAs((variables - 1) % 2 == 0 ? ONE : TWO);
        assertThat(otherwise.has("late")).isFalse();

        MethodAnalysis.State again = original.copy();
        again.put("v3", TWO);
        assertThat(again.sameAs(original)).isTrue();
        again.put("v3", TAINTED);
        assertThat(again.sameAs(original)).isFalse();
        assertThat(original.get("v3")).isSameAs(TWO);
    }
}
