package io.jenkins.plugins.devsecops.sast.taint;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.TraceStep;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A value's taints: one per key (source, parameter, sanitisation, first step, field), the first of each kept, in
 * order, at most {@link Value#MAX_TAINTS}; a join unites both sides' taints the same way.
 */
class ValueTaintsTest {

    private static Taint source(String id, int line) {
        return Taint.of(id, true, new TraceStep(new Location("A.java", line, 0, line, 0, null), "source " + id));
    }

    @Test
    void capKeepsTheFirstTaintOfEachKeyInOrder() {
        Taint a = source("remote", 1);
        Taint b = source("remote", 2);
        Taint aLater = a.step(new TraceStep(new Location("A.java", 9, 0, 9, 0, null), "passed on"));

        List<Taint> capped = Value.cap(List.of(a, b, aLater, a, b));

        // aLater has a's key (same source and first step): a, the first, stays
        assertThat(capped).containsExactly(a, b);
        assertThat(Value.cap(List.of(aLater, a))).containsExactly(aLater);
    }

    @Test
    void capStopsAtTheLimit() {
        List<Taint> many = new ArrayList<>();
        for (int i = 0; i < Value.MAX_TAINTS + 3; i++) {
            many.add(source("remote", i + 1));
        }
        assertThat(Value.cap(many)).containsExactlyElementsOf(many.subList(0, Value.MAX_TAINTS));
    }

    @Test
    void aJoinKeepsOneSideWhenItHoldsTheOthersTaints() {
        Taint a = source("remote", 1);
        Taint b = source("remote", 2);
        Value both = Value.UNKNOWN.withTaints(List.of(a, b));
        Value one = Value.UNKNOWN.withTaints(List.of(b));

        assertThat(both.join(one).taints).containsExactly(a, b);
        assertThat(one.join(both).taints).containsExactly(b, a);
    }

    @Test
    void aJoinAddsTheOtherSidesNewKeysAfterItsOwnUpToTheLimit() {
        Taint a = source("remote", 1);
        Taint b = source("remote", 2);
        Taint bAgain = b.step(new TraceStep(new Location("B.java", 5, 0, 5, 0, null), "returned"));
        Taint c = source("cookie", 3);
        Value left = Value.UNKNOWN.withTaints(List.of(a, b));
        Value right = Value.UNKNOWN.withTaints(List.of(bAgain, c));

        // bAgain is another object with b's key: left's b stays, c is added
        assertThat(left.join(right).taints).containsExactly(a, b, c);

        List<Taint> full = new ArrayList<>();
        for (int i = 0; i < Value.MAX_TAINTS; i++) {
            full.add(source("remote", 10 + i));
        }
        Value saturated = Value.UNKNOWN.withTaints(full);
        assertThat(saturated.join(right).taints).containsExactlyElementsOf(full);
        assertThat(right.join(saturated).taints).hasSize(Value.MAX_TAINTS).startsWith(bAgain, c);
    }

    @Test
    void sameKeyAgreesWithTheKeyOnEveryPart() {
        TraceStep later = new TraceStep(new Location("A.java", 9, 0, 9, 0, null), "passed on");
        Taint remote = source("remote", 1);
        List<Taint> taints = List.of(remote, remote.step(later), source("remote", 2), source("file", 1),
                remote.cleanse(List.of("sql")), remote.cleanse(List.of("sql")).step(later),
                Taint.parameter(0), Taint.parameter(1), Taint.parameter(0).step(later), Taint.staticField("p.C.f"),
                Taint.staticField("p.C.g"), Taint.staticField("p.C.f").step(later),
                new Taint("remote", -1, false, java.util.Set.of(), remote.trace(), null),
                new Taint("remote", -1, true, java.util.Set.of(), remote.trace(), "p.C.f"));
        for (Taint a : taints) {
            for (Taint b : taints) {
                assertThat(a.sameKey(b)).as("%s and %s", a, b).isEqualTo(a.key().equals(b.key()));
            }
        }
        // a step after the first does not change the key; remoteness is not part of it
        assertThat(remote.sameKey(remote.step(later))).isTrue();
        assertThat(remote.sameKey(taints.get(12))).isTrue();
        assertThat(Taint.parameter(0).sameKey(Taint.parameter(1))).isFalse();
    }
}
