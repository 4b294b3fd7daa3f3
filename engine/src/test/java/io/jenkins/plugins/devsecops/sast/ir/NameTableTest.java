package io.jenkins.plugins.devsecops.sast.ir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link NameTable} gives one instance per name and per list of names, up to its capacity. */
class NameTableTest {

    @Test
    void givesTheSameInstanceForEqualNames() {
        NameTable names = new NameTable(100);
        String first = new String("request");
        String second = new String("request");

        assertThat(names.name(first)).isSameAs(first);
        assertThat(names.name(second)).isSameAs(first);
        assertThat(names.name(null)).isNull();
    }

    @Test
    void givesTheSameListForEqualListsOfNames() {
        NameTable names = new NameTable(100);
        List<String> first = names.names(new ArrayList<>(List.of(new String("a"), new String("java.lang.String"))));
        List<String> second = names.names(List.of(new String("a"), new String("java.lang.String")));

        assertThat(second).isSameAs(first).containsExactly("a", "java.lang.String");
        assertThat(second.get(1)).isSameAs(names.name("java.lang.String"));
        assertThat(names.lists(List.of(List.of("A"), List.of()))).isSameAs(names.lists(List.of(List.of("A"),
                List.of())));
        assertThat(names.names(List.of())).isEmpty();
    }

    @Test
    void beyondItsCapacityGivesANewNameBackAsItIs() {
        NameTable names = new NameTable(1_000);
        for (int i = 0; i < 100_000; i++) {
            String name = "name" + i;
            assertThat(names.name(name)).isEqualTo(name);
        }
        assertThat(names.size()).isEqualTo(1_000);
        String late = new String("name99999");
        assertThat(names.name(late)).isSameAs(late);
        // a name taken before the table filled is still shared
        assertThat(names.name(new String("name5"))).isSameAs(names.name("name5"));
    }

    @Test
    void aStubSharesItsNamesAndEqualsTheMethodWithoutItsBody() {
        NameTable names = new NameTable(100);
        MethodIr one = method(new String("pkg.A"), new String("run"));
        MethodIr other = method(new String("pkg.A"), new String("run"));

        MethodIr stub = one.stub(names);
        assertThat(stub).isEqualTo(one.withBody(List.of(), Map.of()));
        MethodIr otherStub = other.stub(names);
        assertThat(otherStub.owner()).isSameAs(stub.owner());
        assertThat(otherStub.name()).isSameAs(stub.name());
        assertThat(otherStub.parameterTypes()).isSameAs(stub.parameterTypes());
        assertThat(otherStub.returnType()).isSameAs(stub.returnType());
    }

    private static MethodIr method(String owner, String name) {
        return new MethodIr(owner + "#" + name + "/1", owner, name, List.of(new String("data")),
                List.of(new String("java.lang.String")), List.of(List.of(new String("Nullable"))), List.of(),
                false, List.of(new Stmt.Return(new Operand.Local("data"), 3)), "A.java", 2, new String("void"),
                List.of(), Map.of("data", "java.lang.String"));
    }
}
