package io.jenkins.plugins.devsecops.sast.taint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.sast.ir.UnitIr;
import io.jenkins.plugins.devsecops.sast.java.JavaFrontEnd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link BoundedMemo} holds at most two generations of entries, gives back what was put while it holds it, and the
 * taint analysis finds exactly the same with memos of one entry (every lookup after the first a miss) as with the
 * default ones.
 */
class BoundedMemoTest {

    @Test
    void holdsAtMostTwoGenerationsWhateverIsPut() {
        BoundedMemo<Integer, String> memo = new BoundedMemo<>(100);
        for (int i = 0; i < 100_000; i++) {
            memo.put(i, "v" + i);
            assertThat(memo.size()).isLessThanOrEqualTo(200);
        }
        // the last entries are there, the first ones long dropped
        assertThat(memo.get(99_999)).isEqualTo("v99999");
        assertThat(memo.get(0)).isNull();
    }

    @Test
    void carriesAnEntryUsedAllAlongIntoEachNewGeneration() {
        BoundedMemo<Integer, String> memo = new BoundedMemo<>(10);
        memo.put(-1, "kept");
        for (int i = 0; i < 1_000; i++) {
            memo.put(i, "v" + i);
            assertThat(memo.get(-1)).as("after %d more", i + 1).isEqualTo("kept");
        }
    }

    @Test
    void computesOnlyWhatItDoesNotHold() {
        BoundedMemo<String, Integer> memo = new BoundedMemo<>(4);
        AtomicInteger computed = new AtomicInteger();
        assertThat(memo.computeIfAbsent("abc", k -> {
            computed.incrementAndGet();
            return k.length();
        })).isEqualTo(3);
        assertThat(memo.computeIfAbsent("abc", k -> {
            computed.incrementAndGet();
            return -1;
        })).isEqualTo(3);
        assertThat(computed).hasValue(1);
    }

    @Test
    void refusesACapacityBelowOne() {
        assertThatThrownBy(() -> new BoundedMemo<>(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAnalysisFindsTheSameWithMemosOfOneEntry() throws Exception {
        Path root = Path.of(BoundedMemoTest.class.getResource("/io/jenkins/plugins/devsecops/sast/fixtures").toURI());
        JavaFrontEnd frontEnd = new JavaFrontEnd();
        List<UnitIr> units = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                units.add(frontEnd.parse(root.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.UTF_8)).unit());
            }
        }
        TaintModels models = TaintModels.load(List.of());
        for (int threads : new int[] {1, 2}) {
            TaintEngine unbounded = new TaintEngine(units, models, Map.of(), UnaryOperator.identity(), threads,
                    Integer.MAX_VALUE, Integer.MAX_VALUE);
            TaintEngine.Result expected = unbounded.run(Long.MAX_VALUE);
            TaintEngine tiny = new TaintEngine(units, models, Map.of(), UnaryOperator.identity(), threads, 1, 1);
            TaintEngine.Result actual = tiny.run(Long.MAX_VALUE);

            assertThat(expected.findings()).hasSizeGreaterThan(20);
            assertThat(actual.findings()).isEqualTo(expected.findings());
            assertThat(actual.notes()).isEqualTo(expected.notes());
            assertThat(actual.rounds()).isEqualTo(expected.rounds());
            assertThat(tiny.analyses()).isEqualTo(unbounded.analyses());
        }
    }
}
