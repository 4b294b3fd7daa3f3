package io.jenkins.plugins.devsecops.sast.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.sast.java.JavaFrontEnd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The IR's binary form gives back exactly what was written, for every method the front end makes of real code. */
class IrCodecTest {

    private static List<MethodIr> fixtureMethods() throws Exception {
        Path fixtures = Path.of(IrCodecTest.class.getResource("/io/jenkins/plugins/devsecops/sast/fixtures").toURI());
        JavaFrontEnd frontEnd = new JavaFrontEnd();
        List<MethodIr> methods = new ArrayList<>();
        try (Stream<Path> files = Files.walk(fixtures)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                UnitIr unit = frontEnd.parse(fixtures.relativize(file).toString(),
                        Files.readString(file, StandardCharsets.UTF_8)).unit();
                unit.classes().forEach(c -> methods.addAll(c.methods()));
            }
        }
        return methods;
    }

    @Test
    void shouldGiveBackEveryMethodOfTheFixturesEqualToTheOriginal() throws Exception {
        List<MethodIr> methods = fixtureMethods();
        assertThat(methods).hasSizeGreaterThan(30);
        long encoded = 0;
        for (MethodIr method : methods) {
            byte[] bytes = IrCodec.encode(method);
            encoded += bytes.length;
            Object back = IrCodec.decode(bytes);
            assertThat(back).as(method.id()).isEqualTo(method);
            assertThat(((MethodIr) back).body()).as(method.id()).isEqualTo(method.body());
        }
        assertThat(encoded).isPositive();
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
                new Stmt.Assign("g", Operand.constant('x'), 0),
                new Stmt.Assign("h", Operand.constant(Integer.MIN_VALUE), 0),
                new Stmt.Assign("i", Operand.constant(""), 0),
                new Stmt.Switch(Operand.local("a"), List.of(new Stmt.Case(List.of(1L, "X", 'c'), false,
                        List.of(new Stmt.Break(7))), new Stmt.Case(List.of(), true, List.of())), true, 6));
        MethodIr method = new MethodIr("A#m/0", "p.A", "m", List.of(), List.of(), List.of(), List.of("Get"), true,
                body, "src/A.java", 3, "void", List.of("*"), Map.of("x", "int", "y", "p.B"));

        MethodIr back = (MethodIr) IrCodec.decode(IrCodec.encode(method));

        assertThat(back).isEqualTo(method);
        assertThat(((Operand.Const) ((Stmt.Assign) back.body().get(0)).value()).value()).isSameAs(Operand.NULL);
        assertThat(((Operand.Const) ((Stmt.Assign) back.body().get(5)).value()).value())
                .isEqualTo("\uD800 unpaired \uDFFF and \uD83D\uDE00 paired, é, \u0000");
        assertThat(((Operand.Const) ((Stmt.Assign) back.body().get(7)).value()).value()).isInstanceOf(Integer.class);
    }

    record Odd(Object value) {
    }

    @Test
    void shouldRefuseValuesItCannotCarry() {
        assertThatThrownBy(() -> IrCodec.encode(new Odd(new StringBuilder("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StringBuilder");
    }

    @Test
    void shouldRefuseDamagedBytesWithoutHangingOrRunningOutOfMemory() throws Exception {
        List<MethodIr> methods = fixtureMethods();
        Random random = new Random(16);
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = IrCodec.encode(methods.get(random.nextInt(methods.size())));
            switch (round % 3) {
                case 0 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
                case 1 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
                default -> bytes = java.util.Arrays.copyOf(bytes, bytes.length + 1);
            }
            byte[] damaged = bytes;
            try {
                IrCodec.decode(damaged);
            } catch (IllegalArgumentException expected) {
                // a damaged record is refused (or, where a flipped bit still reads, gives some other method)
            }
        }
        assertThatThrownBy(() -> IrCodec.decode(new byte[] {8, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
