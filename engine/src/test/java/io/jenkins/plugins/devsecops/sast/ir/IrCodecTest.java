package io.jenkins.plugins.devsecops.sast.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.sast.java.JavaFrontEnd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The IR's binary form gives back exactly what was written, for every method the front end makes of real code (the
 * test fixtures and this project's own sources) and for hostile shapes: empty and huge methods, deep nesting, names
 * in any script, unpaired surrogates, names that look like temporaries, every kind of constant.
 */
class IrCodecTest {

    private static List<MethodIr> methodsOf(Path root) throws Exception {
        JavaFrontEnd frontEnd = new JavaFrontEnd();
        List<MethodIr> methods = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                UnitIr unit = frontEnd.parse(root.relativize(file).toString(),
                        Files.readString(file, StandardCharsets.UTF_8)).unit();
                unit.classes().forEach(c -> methods.addAll(c.methods()));
            }
        }
        return methods;
    }

    private static List<MethodIr> fixtureMethods() throws Exception {
        return methodsOf(Path.of(IrCodecTest.class.getResource("/io/jenkins/plugins/devsecops/sast/fixtures")
                .toURI()));
    }

    private static MethodIr method(List<Stmt> body, Map<String, String> localTypes) {
        return new MethodIr("p.A#m/1", "p.A", "m", List.of("p0"), List.of("java.lang.String"), List.of(List.of("Ann")),
                List.of("Get"), false, body, "src/A.java", 3, "void", List.of("*"), localTypes);
    }

    /** Both forms give the method back: whole, and as the stub with its body and local types. */
    private static void assertRoundTrip(MethodIr method) {
        MethodIr whole = IrCodec.decode(IrCodec.encode(method));
        assertThat(whole).as(method.id()).isEqualTo(method);
        assertThat(whole.body()).as(method.id()).isEqualTo(method.body());
        assertThat(whole.hashCode()).isEqualTo(method.hashCode());

        IrCodec.BodyWriter writer = new IrCodec.BodyWriter();
        writer.add(method("x#y/0", List.of(new Stmt.Return(Operand.local("$t1"), 9))));
        int before = writer.size();
        int length = writer.add(method);
        assertThat(length).isEqualTo(writer.size() - before).isPositive();
        MethodIr stub = method.withBody(List.of(), Map.of());
        MethodIr back = IrCodec.decodeBody(writer.bytes(), before, length, stub);
        assertThat(back).as(method.id()).isEqualTo(method);
        assertThat(back.id()).isEqualTo(stub.id());
        assertThat(back.sameId(stub)).isTrue();
        assertThat(back.idHash()).isEqualTo(method.id().hashCode());
    }

    private static MethodIr method(String id, List<Stmt> body) {
        return new MethodIr(id, "p.A", "m", List.of(), List.of(), List.of(), List.of(), true, body, "A.java", 1, null,
                List.of(), Map.of());
    }

    @Test
    void shouldGiveBackEveryMethodOfTheFixturesEqualToTheOriginal() throws Exception {
        List<MethodIr> methods = fixtureMethods();
        assertThat(methods).hasSizeGreaterThan(30);
        methods.forEach(IrCodecTest::assertRoundTrip);
    }

    @Test
    void shouldGiveBackEveryMethodOfThisProjectsSources() throws Exception {
        Path sources = Path.of("src/main/java");
        List<MethodIr> methods = methodsOf(sources);
        assertThat(methods).hasSizeGreaterThan(3_000);
        long statements = 0;
        for (MethodIr method : methods) {
            assertRoundTrip(method);
            statements += method.body().size();
        }
        assertThat(statements).isGreaterThan(20_000);
    }

    @Test
    void shouldKeepConstantsOfEveryKindAndTheNullConstantItself() {
        List<Stmt> body = List.of(
                new Stmt.Assign("a", Operand.constant(null), 1),
                new Stmt.Assign("b", Operand.constant(Long.MIN_VALUE), 2),
                new Stmt.Assign("c", Operand.constant(-0.0d), 3),
                new Stmt.Assign("d", Operand.constant(Double.NaN), 4),
                new Stmt.Assign("e", Operand.constant(true), -5),
                new Stmt.Assign("f", Operand.constant("\uD800 unpaired \uDFFF and \uD83D\uDE00 paired, é, \u0000"),
                        Integer.MAX_VALUE),
                new Stmt.Assign("g", Operand.constant('x'), Integer.MIN_VALUE),
                new Stmt.Assign("h", Operand.constant(Integer.MIN_VALUE), 0),
                new Stmt.Assign("i", Operand.constant(""), 0),
                new Stmt.Assign("j", Operand.constant(Float.MIN_VALUE), 0),
                new Stmt.Assign("k", Operand.constant((short) -3), 0),
                new Stmt.Assign("l", Operand.constant((byte) 127), 0),
                new Stmt.Assign("m", Operand.constant(false), 0),
                new Stmt.Assign("n", Operand.constant(Long.MAX_VALUE), 0),
                new Stmt.Assign("o", Operand.constant('\uFFFF'), 0),
                new Stmt.Switch(Operand.local("a"), List.of(new Stmt.Case(List.of(1L, "X", 'c', 2.5d, true), false,
                        List.of(new Stmt.Break(7))), new Stmt.Case(List.of(), true, List.of())), true, 6));
        MethodIr method = method(body, Map.of("x", "int", "y", "p.B"));

        MethodIr back = IrCodec.decode(IrCodec.encode(method));

        assertThat(back).isEqualTo(method);
        assertRoundTrip(method);
        assertThat(((Operand.Const) ((Stmt.Assign) back.body().get(0)).value()).value()).isSameAs(Operand.NULL);
        assertThat(((Operand.Const) ((Stmt.Assign) back.body().get(5)).value()).value())
                .isEqualTo("\uD800 unpaired \uDFFF and \uD83D\uDE00 paired, é, \u0000");
        assertThat(((Operand.Const) ((Stmt.Assign) back.body().get(7)).value()).value()).isInstanceOf(Integer.class);
        assertThat(((Operand.Const) ((Stmt.Assign) back.body().get(10)).value()).value()).isInstanceOf(Short.class);
        assertThat(((Operand.Const) ((Stmt.Assign) back.body().get(11)).value()).value()).isInstanceOf(Byte.class);
    }

    @Test
    void shouldKeepEveryStatementKindWithNullPartsAndEveryFlag() {
        List<Stmt> inner = List.of(new Stmt.Continue(0), new Stmt.Break(-1));
        List<Stmt> body = List.of(
                new Stmt.Invoke(null, null, null, "run", List.of(), false, 1),
                new Stmt.Invoke("$t0", null, "p.B", "<init>", List.of(Operand.local("p0"), Operand.constant(1L)),
                        true, 2),
                new Stmt.Invoke("$t1", Operand.local("this"), "super:p.A", "m", List.of(Operand.local("$t0")), false,
                        2),
                new Stmt.Load("$t2", null, "p.A", "STATIC", 3),
                new Stmt.Load("$t3", Operand.local("this"), "p.A", "field", 3),
                new Stmt.Store(null, "p.A", "STATIC", Operand.local("$t3"), 4),
                new Stmt.Store(Operand.local("this"), "p.A", "field", Operand.constant(null), 4),
                new Stmt.LoadIndex("$t4", Operand.local("$t2"), Operand.constant(0L), 5),
                new Stmt.StoreIndex(Operand.local("$t2"), Operand.local("i"), Operand.local("$t4"), 5),
                new Stmt.NewArray("$t5", List.of(), 6),
                new Stmt.NewArray("$t6", List.of(Operand.local("a"), Operand.constant("b")), 6),
                new Stmt.Binary("$t7", "+", Operand.local("a"), Operand.constant("b"), 7),
                new Stmt.Unary("$t8", "cast:java.lang.String", Operand.local("$t7"), 7),
                new Stmt.If(Operand.local("$t8"), List.of(), inner, 8),
                new Stmt.Loop(List.of(), null, inner, List.of(), false, 9),
                new Stmt.Loop(inner, Operand.local("c"), List.of(), inner, true, 10),
                new Stmt.Switch(Operand.local("s"), List.of(), false, 11),
                new Stmt.Try(inner, List.of(List.of(), inner, inner), List.of(), 12),
                new Stmt.Try(List.of(), List.of(), inner, 13),
                new Stmt.Lambda("$t9", List.of("x", "y"), List.of(new Stmt.Return(Operand.local("x"), 14)), 14),
                new Stmt.Lambda("$t10", List.of(), List.of(), 14),
                new Stmt.Throw(Operand.local("e"), 15),
                new Stmt.Return(null, 16));
        Map<String, String> locals = new LinkedHashMap<>();
        locals.put("$t8", "java.lang.String");
        locals.put("i", "");
        locals.put("a", "int[]");
        MethodIr method = new MethodIr("p.A#<init>/0", "p.A", "<init>", List.of(), List.of(), List.of(),
                List.of(), false, body, "A.java", 1, null, List.of(), locals);

        assertRoundTrip(method);
    }

    @Test
    void shouldGiveBackAnEmptyMethod() {
        MethodIr empty = new MethodIr("", "", "", List.of(), List.of(), List.of(), List.of(), false, List.of(), "", 0,
                null, List.of(), Map.of());
        assertRoundTrip(empty);
        MethodIr nulls = new MethodIr(null, null, null, List.of(), List.of(), List.of(), List.of(), true, List.of(),
                null, 0, null, List.of(), Map.of());
        assertThat(IrCodec.decode(IrCodec.encode(nulls))).isEqualTo(nulls);
    }

    @Test
    void shouldGiveBackNamesInAnyScriptAndNamesThatLookLikeTemporaries() {
        List<String> names = List.of("größe", "ÿÿ", "\u0100", "変数", "\uD83D\uDE00", "\uDFFF\uD800", "$t", "$t01",
                "$t0", "$tx", "$t9999999", "$t99999999", "$t4095", "$t4096", "$T1", "this", "This", "", "\u0000",
                "a".repeat(70_000));
        List<Stmt> body = new ArrayList<>();
        Map<String, String> locals = new LinkedHashMap<>();
        for (String name : names) {
            body.add(new Stmt.Assign(name, Operand.local(name), 1));
            body.add(new Stmt.Assign(name, Operand.constant(name), 1));
            locals.put(name, name + name);
        }
        MethodIr method = new MethodIr(names.get(3), names.get(4), names.get(0), names, names, List.of(names),
                names, false, body, names.get(5), 7, names.get(1), names, locals);

        assertRoundTrip(method);
    }

    @Test
    void shouldGiveBackAHugeMethodAtTheFrontEndsCap() throws Exception {
        // one method over the front end's cap of 20,000 statements
        StringBuilder source = new StringBuilder(
                "package p;\nclass Huge {\n  String m(String a) {\n    String s = a;\n");
        for (int i = 0; source.length() < 400_000; i++) {
            source.append("    s = s + \"é").append(i).append("\" + a.trim() + ").append(i % 7).append(";\n");
        }
        source.append("    return s;\n  }\n}\n");
        UnitIr unit = new JavaFrontEnd().parse("p/Huge.java", source.toString()).unit();
        List<MethodIr> methods = unit.classes().get(0).methods();

        assertThat(unit.notes()).anyMatch(note -> note.contains("longer than 20000 IR statements"));
        assertThat(methods.get(0).body()).hasSizeGreaterThan(15_000);
        methods.forEach(IrCodecTest::assertRoundTrip);
    }

    @Test
    void shouldGiveBackStatementsNestedAtTheFrontEndsDepth() throws Exception {
        StringBuilder source = new StringBuilder("class Deep {\n  void m(int a) {\n");
        int depth = 80;
        for (int i = 0; i < depth; i++) {
            source.append("if (a > ").append(i).append(") { try { while (a < ").append(i).append(") {\n");
        }
        source.append("a++;\n");
        source.append("} } finally { a--; } }\n".repeat(depth));
        source.append("  }\n}\n");
        JavaFrontEnd.Parsed parsed = new JavaFrontEnd().parse("Deep.java", source.toString());
        List<MethodIr> methods = parsed.unit().classes().get(0).methods();

        assertThat(parsed.unit().notes()).isEmpty();
        methods.forEach(IrCodecTest::assertRoundTrip);

        List<Stmt> nested = List.of(new Stmt.Return(Operand.local("x"), 1));
        for (int i = 0; i < 600; i++) {
            nested = List.of(new Stmt.If(Operand.local("c" + i), nested, List.of(), i));
        }
        assertRoundTrip(method("d#e/0", nested));
    }

    @Test
    void shouldGiveBackLinesFarApartAndTemporariesOfAnyNumber() {
        List<Stmt> body = new ArrayList<>();
        int[] lines = {0, Integer.MAX_VALUE, Integer.MIN_VALUE, 1, -1, 1 << 30, 5, 5, 4};
        for (int i = 0; i < 30_000; i++) {
            body.add(new Stmt.Assign("$t" + i * 7, Operand.local("v" + i), lines[i % lines.length] + i));
        }
        assertRoundTrip(method("t#u/0", body));
    }

    @Test
    void shouldShareTemporariesAndCommonNamesBetweenDecodedMethods() {
        MethodIr method = method("a#b/0", List.of(new Stmt.Assign("$t3", Operand.local("this"), 1)));
        MethodIr first = IrCodec.decode(IrCodec.encode(method));
        MethodIr second = IrCodec.decode(IrCodec.encode(method));

        Stmt.Assign a = (Stmt.Assign) first.body().get(0);
        Stmt.Assign b = (Stmt.Assign) second.body().get(0);
        assertThat(a.target()).isEqualTo("$t3").isSameAs(b.target());
        assertThat(((Operand.Local) a.value()).name()).isEqualTo("this").isSameAs(((Operand.Local) b.value()).name());
    }

    @Test
    void shouldRefuseConstantsItCannotCarryAndWriteNothingForThem() {
        MethodIr odd = method("o#p/0", List.of(new Stmt.Assign("x", new Operand.Const(new StringBuilder("x")), 1)));
        assertThatThrownBy(() -> IrCodec.encode(odd)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("StringBuilder");

        IrCodec.BodyWriter writer = new IrCodec.BodyWriter();
        MethodIr fine = method("f#g/0", List.of(new Stmt.Return(Operand.constant("ok"), 2)));
        int first = writer.add(fine);
        assertThat(writer.add(odd)).isEqualTo(-1);
        assertThat(writer.size()).isEqualTo(first);
        int second = writer.add(fine);
        assertThat(IrCodec.decodeBody(writer.bytes(), first, second, fine)).isEqualTo(fine);
    }

    @Test
    void shouldRefuseDamagedBytesWithoutHangingOrRunningOutOfMemory() throws Exception {
        List<MethodIr> methods = fixtureMethods();
        Random random = new Random(16);
        int refused = 0;
        for (int round = 0; round < 3_000; round++) {
            MethodIr method = methods.get(random.nextInt(methods.size()));
            byte[] bytes = IrCodec.encode(method);
            switch (round % 3) {
                case 0 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
                case 1 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
                default -> bytes = Arrays.copyOf(bytes, bytes.length + 1);
            }
            byte[] damaged = bytes;
            try {
                IrCodec.decode(damaged);
                IrCodec.decodeBody(damaged, 0, damaged.length, method);
            } catch (IllegalArgumentException expected) {
                // a damaged record is refused (or, where a flipped bit still reads, gives some other method)
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(2_000);
        assertThatThrownBy(() -> IrCodec.decode(new byte[] {8, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IrCodec.decodeBody(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07}, 0, 4,
                methods.get(0))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("damaged");
        assertThatThrownBy(() -> IrCodec.decodeBody(new byte[4], 2, 3, methods.get(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
