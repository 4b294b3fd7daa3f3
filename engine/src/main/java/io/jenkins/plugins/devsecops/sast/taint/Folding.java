package io.jenkins.plugins.devsecops.sast.taint;

import io.jenkins.plugins.devsecops.sast.ir.Operand;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Constant folding of operators, with taint carried through. */
final class Folding {

    private static final int MAX_STRING = 4096;

    private Folding() {
    }

    static Value binary(String op, Value left, Value right) {
        List<Taint> taints = new ArrayList<>(left.deepTaintsForConcat());
        taints.addAll(right.deepTaintsForConcat());
        Object folded = fold(op, left, right);
        Value result = Value.constant(folded);
        boolean comparison = switch (op) {
            case "==", "!=", "<", "<=", ">", ">=", "&&", "||" -> true;
            default -> false;
        };
        if (comparison) {
            return result;
        }
        return taints.isEmpty() ? result : result.withTaints(taints);
    }

    private static Object fold(String op, Value left, Value right) {
        Object a = left.constant;
        Object b = right.constant;
        if (op.equals("&&")) {
            if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
                return false;
            }
            return Boolean.TRUE.equals(a) && Boolean.TRUE.equals(b) ? Boolean.TRUE : Value.NOT_CONSTANT;
        }
        if (op.equals("||")) {
            if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
                return true;
            }
            return Boolean.FALSE.equals(a) && Boolean.FALSE.equals(b) ? Boolean.FALSE : Value.NOT_CONSTANT;
        }
        if (!left.isConstant() || !right.isConstant()) {
            return Value.NOT_CONSTANT;
        }
        if (op.equals("+") && (a instanceof String || b instanceof String)) {
            String s = text(a) + text(b);
            return s.length() > MAX_STRING ? Value.NOT_CONSTANT : s;
        }
        if (op.equals("==") || op.equals("!=")) {
            boolean same = sameConstant(a, b);
            if (a instanceof String && b instanceof String) {
                // string identity: only equal literals are known to be the same object
                return Value.NOT_CONSTANT;
            }
            return op.equals("==") == same;
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return switch (op) {
                case "&" -> x & y;
                case "|" -> x | y;
                case "^" -> x ^ y;
                default -> Value.NOT_CONSTANT;
            };
        }
        Number x = number(a);
        Number y = number(b);
        if (x == null || y == null) {
            return Value.NOT_CONSTANT;
        }
        if (x instanceof Double || y instanceof Double) {
            double p = x.doubleValue();
            double q = y.doubleValue();
            return switch (op) {
                case "+" -> p + q;
                case "-" -> p - q;
                case "*" -> p * q;
                case "/" -> q == 0 ? Value.NOT_CONSTANT : p / q;
                case "<" -> p < q;
                case "<=" -> p <= q;
                case ">" -> p > q;
                case ">=" -> p >= q;
                default -> Value.NOT_CONSTANT;
            };
        }
        long p = x.longValue();
        long q = y.longValue();
        return switch (op) {
            case "+" -> p + q;
            case "-" -> p - q;
            case "*" -> p * q;
            case "/" -> q == 0 ? Value.NOT_CONSTANT : p / q;
            case "%" -> q == 0 ? Value.NOT_CONSTANT : p % q;
            case "&" -> p & q;
            case "|" -> p | q;
            case "^" -> p ^ q;
            case "<<" -> p << q;
            case ">>" -> p >> q;
            case ">>>" -> p >>> q;
            case "<" -> p < q;
            case "<=" -> p <= q;
            case ">" -> p > q;
            case ">=" -> p >= q;
            default -> Value.NOT_CONSTANT;
        };
    }

    static String text(Object constant) {
        if (constant == Operand.NULL) {
            return "null";
        }
        return String.valueOf(constant);
    }

    private static Number number(Object o) {
        if (o instanceof Long || o instanceof Double) {
            return (Number) o;
        }
        if (o instanceof Character c) {
            return (long) c.charValue();
        }
        return null;
    }

    static boolean sameConstant(Object a, Object b) {
        if (Objects.equals(a, b)) {
            return true;
        }
        Number x = number(a);
        Number y = number(b);
        if (x != null && y != null) {
            return x.doubleValue() == y.doubleValue();
        }
        return a instanceof String s && b instanceof String t && s.equals(t);
    }

    static Value unary(String op, Value operand) {
        Object c = operand.constant;
        Object folded = switch (op) {
            case "!" -> c instanceof Boolean b ? !b : Value.NOT_CONSTANT;
            case "-" -> c instanceof Long l ? -l : c instanceof Double d ? -d : Value.NOT_CONSTANT;
            case "+" -> c instanceof Long || c instanceof Double ? c : Value.NOT_CONSTANT;
            case "~" -> c instanceof Long l ? ~l : Value.NOT_CONSTANT;
            default -> Value.NOT_CONSTANT;
        };
        return op.equals("!") ? Value.constant(folded) : operand.withConstant(folded);
    }

    static Object cast(String type, Object c) {
        if (c == Value.NOT_CONSTANT) {
            return c;
        }
        Number n = number(c);
        return switch (type) {
            case "int", "long", "short", "byte" -> n == null ? Value.NOT_CONSTANT : (Object) n.longValue();
            case "double", "float" -> n == null ? Value.NOT_CONSTANT : (Object) n.doubleValue();
            case "char" -> n == null ? Value.NOT_CONSTANT : (Object) (char) n.longValue();
            default -> c;
        };
    }
}
