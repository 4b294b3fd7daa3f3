package io.jenkins.plugins.devsecops.sast.ir;

/** An operand of an IR statement: a local variable (named or temporary) or a constant. */
public sealed interface Operand permits Operand.Local, Operand.Const {

    /** A local variable, parameter ({@code p0}, {@code p1}, ...), {@code this} or a temporary ({@code $t3}). */
    record Local(String name) implements Operand {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A constant: a {@link String}, {@link Long} (every integral type and {@code char} codes), {@link Double},
     * {@link Boolean} or {@link #NULL}.
     */
    record Const(Object value) implements Operand {
        @Override
        public String toString() {
            return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
        }
    }

    /** The {@code null} constant's value. */
    Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    static Local local(String name) {
        return new Local(name);
    }

    static Const constant(Object value) {
        return new Const(value == null ? NULL : value);
    }
}
