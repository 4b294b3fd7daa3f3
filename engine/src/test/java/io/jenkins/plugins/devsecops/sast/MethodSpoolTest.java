package io.jenkins.plugins.devsecops.sast;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.sast.ir.ClassIr;
import io.jenkins.plugins.devsecops.sast.ir.IrCodec;
import io.jenkins.plugins.devsecops.sast.ir.MethodIr;
import io.jenkins.plugins.devsecops.sast.ir.Operand;
import io.jenkins.plugins.devsecops.sast.ir.Stmt;
import io.jenkins.plugins.devsecops.sast.ir.UnitIr;
import io.jenkins.plugins.devsecops.sast.java.JavaFrontEnd;
import io.jenkins.plugins.devsecops.sast.taint.TaintEngine;
import io.jenkins.plugins.devsecops.sast.taint.TaintModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Method bodies kept in the temporary file come back whole, and the taint analysis over stubs whose bodies are read
 * back finds exactly what it finds over the whole IR held in memory.
 */
class MethodSpoolTest {

    private static final io.jenkins.plugins.devsecops.sast.ir.NameTable NAMES =
            new io.jenkins.plugins.devsecops.sast.ir.NameTable(1 << 16);

    @Test
    void shouldRefuseAStubItDidNotNumber() {
        MethodIr method = new MethodIr("p.C#m/0", "p.C", "m", List.of(), List.of(), List.of(), List.of(), true,
                List.of(new Stmt.Return(null, 2)), "C.java", 1, "void", List.of(), Map.of());
        try (MethodSpool spool = new MethodSpool()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> spool.put(List.of(method), List.of(MethodSpool.stub(method))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p.C#m/0");
            MethodIr stub = spool.stubOf(method, NAMES);
            assertThat(spool.full(stub)).isSameAs(stub); // numbered, but nothing put for it yet
            assertThat(spool.put(List.of(method), List.of(stub))).containsExactly(true);
            assertThat(spool.full(stub)).isEqualTo(method);
            assertThat(stub.name()).isSameAs(NAMES.name("m"));
        }
    }

    @TempDir
    Path temporary;

    @AfterEach
    void clearSpillDirectory() {
        System.clearProperty("devsecops.spill.dir");
    }

    private static List<UnitIr> fixtureUnits() throws Exception {
        Path fixtures = Path.of(MethodSpoolTest.class.getResource("fixtures").toURI());
        JavaFrontEnd frontEnd = new JavaFrontEnd();
        List<UnitIr> units = new ArrayList<>();
        try (Stream<Path> files = Files.walk(fixtures)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                units.add(frontEnd.parse(fixtures.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.UTF_8)).unit());
            }
        }
        return units;
    }

    /** The units with every method replaced by its stub, each unit's methods put in the spool. */
    private static List<UnitIr> stubbed(List<UnitIr> units, MethodSpool spool) {
        List<UnitIr> stubbed = new ArrayList<>();
        for (UnitIr unit : units) {
            List<MethodIr> methods = new ArrayList<>();
            List<MethodIr> stubs = new ArrayList<>();
            List<ClassIr> classes = new ArrayList<>();
            for (ClassIr c : unit.classes()) {
                List<MethodIr> own = new ArrayList<>();
                for (MethodIr m : c.methods()) {
                    MethodIr stub = spool.stubOf(m, NAMES);
                    methods.add(m);
                    stubs.add(stub);
                    own.add(stub);
                }
                classes.add(new ClassIr(c.name(), c.supertypes(), c.fieldTypes(), c.isInterface(), own, c.path()));
            }
            assertThat(spool.put(methods, stubs)).doesNotContain(false);
            stubbed.add(new UnitIr(unit.path(), classes, unit.ignoredLines(), unit.notes()));
        }
        return stubbed;
    }

    private void assertEveryMethodComesBackWhole() throws Exception {
        List<UnitIr> units = fixtureUnits();
        try (MethodSpool spool = new MethodSpool()) {
            List<UnitIr> stubbed = stubbed(units, spool);
            int methods = 0;
            for (int u = 0; u < units.size(); u++) {
                for (int c = 0; c < units.get(u).classes().size(); c++) {
                    List<MethodIr> whole = units.get(u).classes().get(c).methods();
                    List<MethodIr> stubs = stubbed.get(u).classes().get(c).methods();
                    for (int m = 0; m < whole.size(); m++) {
                        assertThat(stubs.get(m).body()).isEmpty();
                        assertThat(spool.full(stubs.get(m))).isEqualTo(whole.get(m));
                        methods++;
                    }
                }
            }
            assertThat(methods).isGreaterThan(30);
        }
    }

    @Test
    void shouldGiveBackEachMethodWholeFromTheTemporaryFile() throws Exception {
        System.setProperty("devsecops.spill.dir", temporary.toString());

        assertEveryMethodComesBackWhole();

        try (Stream<Path> left = Files.list(temporary)) {
            assertThat(left).as("the temporary file is unlinked once open").isEmpty();
        }
    }

    @Test
    void shouldKeepTheBodiesInMemoryWhenNoTemporaryFileCanBeMade() throws Exception {
        System.setProperty("devsecops.spill.dir", temporary.resolve("missing").toString());

        assertEveryMethodComesBackWhole();
    }

    @Test
    void shouldFindExactlyWhatTheAnalysisFindsOverTheWholeIr() throws Exception {
        System.setProperty("devsecops.spill.dir", temporary.toString());
        List<UnitIr> units = fixtureUnits();
        TaintModels models = TaintModels.load(List.of());

        TaintEngine.Result whole = new TaintEngine(units, models, Map.of()).run(Long.MAX_VALUE);
        TaintEngine.Result spooled;
        try (MethodSpool spool = new MethodSpool()) {
            spooled = new TaintEngine(stubbed(units, spool), models, Map.of(), spool::full).run(Long.MAX_VALUE);
        }

        assertThat(whole.findings()).hasSizeGreaterThan(20);
        assertThat(spooled.findings()).isEqualTo(whole.findings());
        assertThat(spooled.notes()).isEqualTo(whole.notes());
        assertThat(spooled.rounds()).isEqualTo(whole.rounds());
    }

    @Test
    void shouldGiveBackMethodsLargerThanAReadWindowAndInAnyOrder() throws Exception {
        System.setProperty("devsecops.spill.dir", temporary.toString());
        List<MethodIr> methods = new ArrayList<>();
        java.util.Random random = new java.util.Random(5);
        for (int m = 0; m < 400; m++) {
            List<Stmt> body = new ArrayList<>();
            int statements = m % 50 == 7 ? 12_000 : random.nextInt(40);
            for (int s = 0; s < statements; s++) {
                body.add(new Stmt.Assign("v" + s, Operand.constant("text " + m + " " + s), s));
            }
            methods.add(new MethodIr("p.C#m" + m + "/0", "p.C", "m" + m, List.of(), List.of(), List.of(), List.of(),
                    true, body, "C.java", m, "void", List.of(), Map.of("v0", "java.lang.String")));
        }
        try (MethodSpool spool = new MethodSpool()) {
            List<MethodIr> stubs = new ArrayList<>();
            for (int from = 0; from < methods.size(); from += 37) {
                List<MethodIr> part = methods.subList(from, Math.min(methods.size(), from + 37));
                List<MethodIr> partStubs = part.stream().map(m -> spool.stubOf(m, NAMES)).toList();
                assertThat(spool.put(part, partStubs)).doesNotContain(false);
                stubs.addAll(partStubs);
            }
            assertThat(new IrCodec.BodyWriter().add(methods.get(7))).isGreaterThan(MethodSpool.WINDOW_BYTES);
            for (int round = 0; round < 3; round++) {
                for (int k = 0; k < 2_000; k++) {
                    int m = round == 0 ? k % methods.size() : random.nextInt(methods.size());
                    assertThat(spool.full(stubs.get(m))).isEqualTo(methods.get(m));
                }
            }
        }
    }
}
