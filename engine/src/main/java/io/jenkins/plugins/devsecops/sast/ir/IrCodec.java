package io.jenkins.plugins.devsecops.sast.ir;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact binary form of a method's IR, so that the IR of a whole program can wait outside the heap and be read back
 * when a method is analysed. Written by hand for each statement kind (the reflective, generic form it replaced was a
 * third of the cost of a read): a statement is one byte for its kind and then its parts in a fixed order, without
 * per-part tags; lines are written as the difference from the line before; strings are written once per method and
 * referred to by number after that, a temporary ({@code $t12}) by its number alone, and a few strings every method
 * has ({@code this}, operators) by a fixed number. Decoding gives a value equal to the encoded one, with
 * {@link Operand#NULL} decoded to itself, the fixed strings and {@link Temporaries} shared instances, every list
 * unmodifiable.
 *
 * <p>Two forms: {@link #encode}/{@link #decode} carry a whole method; {@link BodyWriter}/{@link #decodeBody} carry only
 * what a {@link MethodIr stub} kept in memory lacks (its body and local types), and the decoded method is the stub
 * with them. A constant of a kind the IR does not have is refused with {@link IllegalArgumentException}; so are
 * damaged bytes when decoding (never a hang, or an allocation larger than the bytes).
 */
public final class IrCodec {

    // statement kinds
    private static final int ASSIGN = 0;
    private static final int BINARY = 1;
    private static final int UNARY = 2;
    private static final int INVOKE = 3;
    private static final int NEW = 4;
    private static final int LOAD = 5;
    private static final int STORE = 6;
    private static final int LOAD_INDEX = 7;
    private static final int STORE_INDEX = 8;
    private static final int NEW_ARRAY = 9;
    private static final int IF = 10;
    private static final int LOOP = 11;
    private static final int DO_LOOP = 12;
    private static final int SWITCH = 13;
    private static final int SWITCH_FALLING = 14;
    private static final int TRY = 15;
    private static final int LAMBDA = 16;
    private static final int RETURN = 17;
    private static final int THROW = 18;
    private static final int BREAK = 19;
    private static final int CONTINUE = 20;

    // operands and constants
    private static final int NO_OPERAND = 0;
    private static final int LOCAL = 1;
    private static final int CONST_NULL = 2;
    private static final int CONST_STRING = 3;
    private static final int CONST_LONG = 4;
    private static final int CONST_DOUBLE = 5;
    private static final int CONST_TRUE = 6;
    private static final int CONST_FALSE = 7;
    private static final int CONST_INT = 8;
    private static final int CONST_CHAR = 9;
    private static final int CONST_FLOAT = 10;
    private static final int CONST_SHORT = 11;
    private static final int CONST_BYTE = 12;

    // a string reference is (payload << 2) | kind
    private static final int REF_TABLE = 0;
    private static final int REF_TEMPORARY = 1;
    private static final int REF_NEW_LATIN = 2;
    private static final int REF_NEW_CHARS = 3;
    /** The longest string a reference can carry (far more than a Java file the stage reads). */
    private static final int MAX_STRING = Integer.MAX_VALUE >>> 2;

    /**
     * Strings most methods have, referred to by a fixed number (the first numbers of every method's table) and
     * decoded to these instances. Changing this list changes the encoding: encoded bytes live only as long as the
     * running program.
     */
    private static final String[] FIXED = {"this", "<init>", "<clinit>", "void", "+", "-", "*", "/", "%", "==",
        "!=", "<", ">", "<=", ">=", "&&", "||", "!", "&", "|", "^", "~", "<<", ">>", ">>>", "instanceof",
        "java.lang.String", "java.lang.Object", "String", "Object", "int", "long", "boolean", "", "get", "add", "put",
        "append", "toString", "equals", "length", "size", "getName", "valueOf", "format", "iterator",
        "hasNext", "next", "close", "contains", "isEmpty", "java.lang.StringBuilder", "StringBuilder", "e"};
    private static final Map<String, Integer> FIXED_NUMBERS = fixedNumbers();

    private IrCodec() {
    }

    private static Map<String, Integer> fixedNumbers() {
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < FIXED.length; i++) {
            numbers.putIfAbsent(FIXED[i], i);
        }
        return Map.copyOf(numbers);
    }

    /** The bytes of a whole method. */
    public static byte[] encode(MethodIr method) {
        Writer writer = new Writer();
        writer.method(method);
        return Arrays.copyOf(writer.bytes, writer.size);
    }

    /** The method whose bytes (from {@link #encode}) these are. */
    public static MethodIr decode(byte[] bytes) {
        Reader reader = new Reader(bytes);
        try {
            MethodIr method = reader.method();
            reader.end();
            return method;
        } catch (RuntimeException e) {
            throw damaged(e);
        }
    }

    /**
     * The method {@code stub} with the body and local types whose bytes (from a {@link BodyWriter}) are
     * {@code bytes[from, from + length)}.
     */
    public static MethodIr decodeBody(byte[] bytes, int from, int length, MethodIr stub) {
        if (from < 0 || length < 0 || from > bytes.length - length) {
            throw new IllegalArgumentException("damaged IR record: " + length + " bytes at " + from + " of "
                    + bytes.length);
        }
        Reader reader = new Reader(bytes, from, from + length);
        try {
            List<Stmt> body = reader.stmts();
            Map<String, String> localTypes = reader.stringMap();
            reader.end();
            return new MethodIr(stub, body, localTypes);
        } catch (RuntimeException e) {
            throw damaged(e);
        }
    }

    /** A damaged record's exception (a deep one is not caught: the analysis gives up on such a method). */
    private static IllegalArgumentException damaged(RuntimeException e) {
        if (e instanceof IllegalArgumentException known && known.getMessage() != null
                && known.getMessage().startsWith("damaged IR record")) {
            return known;
        }
        return new IllegalArgumentException("damaged IR record: " + e, e);
    }

    /**
     * Writes the bodies and local types of many methods one after the other, into one array (not thread-safe).
     */
    public static final class BodyWriter {
        private final Writer writer = new Writer();

        /**
         * Appends a method's body and local types; returns the number of bytes written, or -1 (and nothing written)
         * for a method holding a constant the IR does not have.
         */
        public int add(MethodIr method) {
            int start = writer.size;
            try {
                writer.reset();
                writer.stmts(method.body());
                writer.stringMap(method.localTypes());
                return writer.size - start;
            } catch (IllegalArgumentException cannot) {
                writer.size = start;
                return -1;
            }
        }

        /** The number of bytes written so far. */
        public int size() {
            return writer.size;
        }

        /** The bytes written so far (the array itself: the first {@link #size()} bytes are valid). */
        public byte[] bytes() {
            return writer.bytes;
        }
    }

    private static final class Writer {
        private byte[] bytes = new byte[1024];
        private int size;
        /** This method's strings, by their number (after the fixed ones). */
        private final HashMap<String, Integer> strings = new HashMap<>();
        private int line;

        /** Starts a new method: its own strings and lines. */
        void reset() {
            if (!strings.isEmpty()) {
                strings.clear();
            }
            line = 0;
        }

        void method(MethodIr m) {
            reset();
            string(m.id());
            string(m.owner());
            string(m.name());
            strings(m.parameters());
            strings(m.parameterTypes());
            varint(m.parameterAnnotations().size());
            for (List<String> each : m.parameterAnnotations()) {
                strings(each);
            }
            strings(m.annotations());
            put(m.isStatic() ? 1 : 0);
            string(m.path());
            varint(zigzag(m.line()));
            string(m.returnType());
            strings(m.suppressed());
            stmts(m.body());
            stringMap(m.localTypes());
        }

        void stmts(List<Stmt> list) {
            varint(list.size());
            for (int i = 0; i < list.size(); i++) {
                stmt(list.get(i));
            }
        }

        private void stmt(Stmt statement) {
            switch (statement) {
                case Stmt.Assign s -> {
                    put(ASSIGN);
                    string(s.target());
                    operand(s.value());
                }
                case Stmt.Binary s -> {
                    put(BINARY);
                    string(s.target());
                    string(s.op());
                    operand(s.left());
                    operand(s.right());
                }
                case Stmt.Unary s -> {
                    put(UNARY);
                    string(s.target());
                    string(s.op());
                    operand(s.operand());
                }
                case Stmt.Invoke s -> {
                    put(s.constructor() ? NEW : INVOKE);
                    string(s.target());
                    operand(s.receiver());
                    string(s.owner());
                    string(s.method());
                    List<Operand> args = s.args();
                    varint(args.size());
                    for (int i = 0; i < args.size(); i++) {
                        operand(args.get(i));
                    }
                }
                case Stmt.Load s -> {
                    put(LOAD);
                    string(s.target());
                    operand(s.base());
                    string(s.owner());
                    string(s.field());
                }
                case Stmt.Store s -> {
                    put(STORE);
                    operand(s.base());
                    string(s.owner());
                    string(s.field());
                    operand(s.value());
                }
                case Stmt.LoadIndex s -> {
                    put(LOAD_INDEX);
                    string(s.target());
                    operand(s.array());
                    operand(s.index());
                }
                case Stmt.StoreIndex s -> {
                    put(STORE_INDEX);
                    operand(s.array());
                    operand(s.index());
                    operand(s.value());
                }
                case Stmt.NewArray s -> {
                    put(NEW_ARRAY);
                    string(s.target());
                    varint(s.elements().size());
                    for (Operand element : s.elements()) {
                        operand(element);
                    }
                }
                case Stmt.If s -> {
                    put(IF);
                    operand(s.condition());
                    stmts(s.then());
                    stmts(s.otherwise());
                }
                case Stmt.Loop s -> {
                    put(s.bodyFirst() ? DO_LOOP : LOOP);
                    stmts(s.header());
                    operand(s.condition());
                    stmts(s.body());
                    stmts(s.update());
                }
                case Stmt.Switch s -> {
                    put(s.fallsThrough() ? SWITCH_FALLING : SWITCH);
                    operand(s.selector());
                    varint(s.cases().size());
                    for (Stmt.Case c : s.cases()) {
                        varint(c.labels().size() << 1 | (c.isDefault() ? 1 : 0));
                        for (Object label : c.labels()) {
                            constant(label);
                        }
                        stmts(c.body());
                    }
                }
                case Stmt.Try s -> {
                    put(TRY);
                    stmts(s.body());
                    varint(s.handlers().size());
                    for (List<Stmt> handler : s.handlers()) {
                        stmts(handler);
                    }
                    stmts(s.finallyBlock());
                }
                case Stmt.Lambda s -> {
                    put(LAMBDA);
                    string(s.target());
                    strings(s.parameters());
                    stmts(s.body());
                }
                case Stmt.Return s -> {
                    put(RETURN);
                    operand(s.value());
                }
                case Stmt.Throw s -> {
                    put(THROW);
                    operand(s.value());
                }
                case Stmt.Break s -> put(BREAK);
                case Stmt.Continue s -> put(CONTINUE);
            }
            int next = statement.line();
            varint(zigzag(next - line));
            line = next;
        }

        private void operand(Operand operand) {
            if (operand == null) {
                put(NO_OPERAND);
            } else if (operand instanceof Operand.Local local) {
                put(LOCAL);
                string(local.name());
            } else {
                constant(((Operand.Const) operand).value());
            }
        }

        private void constant(Object value) {
            if (value instanceof String s) {
                put(CONST_STRING);
                string(s);
            } else if (value instanceof Long l) {
                put(CONST_LONG);
                varlong((l << 1) ^ (l >> 63));
            } else if (value == Operand.NULL) {
                put(CONST_NULL);
            } else if (value instanceof Boolean b) {
                put(b ? CONST_TRUE : CONST_FALSE);
            } else if (value instanceof Character c) {
                put(CONST_CHAR);
                varint(c);
            } else if (value instanceof Double d) {
                put(CONST_DOUBLE);
                varlong(Double.doubleToRawLongBits(d));
            } else if (value instanceof Integer i) {
                put(CONST_INT);
                varint(zigzag(i));
            } else if (value instanceof Float f) {
                put(CONST_FLOAT);
                varint(Float.floatToRawIntBits(f));
            } else if (value instanceof Short s) {
                put(CONST_SHORT);
                varint(zigzag(s));
            } else if (value instanceof Byte b) {
                put(CONST_BYTE);
                varint(zigzag(b));
            } else {
                throw new IllegalArgumentException("cannot encode a constant of " + (value == null ? "null"
                        : value.getClass().getName()));
            }
        }

        void stringMap(Map<String, String> map) {
            varint(map.size());
            for (Map.Entry<String, String> e : map.entrySet()) {
                string(e.getKey());
                string(e.getValue());
            }
        }

        private void strings(List<String> list) {
            varint(list.size());
            for (int i = 0; i < list.size(); i++) {
                string(list.get(i));
            }
        }

        private void string(String s) {
            if (s == null) {
                put(0);
                return;
            }
            int temporary = Temporaries.number(s);
            if (temporary >= 0) {
                varint(temporary << 2 | REF_TEMPORARY);
                return;
            }
            Integer fixed = FIXED_NUMBERS.get(s);
            if (fixed != null) {
                varint((fixed + 1) << 2 | REF_TABLE);
                return;
            }
            Integer number = strings.putIfAbsent(s, strings.size());
            if (number != null) {
                varint((FIXED.length + number + 1) << 2 | REF_TABLE);
                return;
            }
            int length = s.length();
            if (length > MAX_STRING) {
                throw new IllegalArgumentException("cannot encode a string of " + length + " chars");
            }
            int start = size;
            varint(length << 2 | REF_NEW_LATIN);
            room(length);
            for (int i = 0; i < length; i++) {
                char c = s.charAt(i);
                if (c > 0xFF) {
                    // any char, an unpaired surrogate too (which UTF-8 cannot carry), one varint each
                    size = start;
                    varint(length << 2 | REF_NEW_CHARS);
                    for (int j = 0; j < length; j++) {
                        varint(s.charAt(j));
                    }
                    return;
                }
                bytes[size++] = (byte) c;
            }
        }

        private static int zigzag(int i) {
            return (i << 1) ^ (i >> 31);
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        private void put(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = (byte) b;
        }

        private void varint(int v) {
            if ((v & ~0x7F) == 0 && size < bytes.length) {
                bytes[size++] = (byte) v;
                return;
            }
            while ((v & ~0x7F) != 0) {
                put((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            put(v);
        }

        private void varlong(long v) {
            while ((v & ~0x7FL) != 0) {
                put((int) (v & 0x7F) | 0x80);
                v >>>= 7;
            }
            put((int) v);
        }
    }

    private static final class Reader {
        private final byte[] bytes;
        private int position;
        private final int limit;
        private String[] strings = new String[16];
        private int stringCount;
        private int line;

        Reader(byte[] bytes) {
            this(bytes, 0, bytes.length);
        }

        Reader(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.position = from;
            this.limit = to;
        }

        void end() {
            if (position != limit) {
                throw new IllegalArgumentException("damaged IR record: " + (limit - position) + " bytes left over");
            }
        }

        MethodIr method() {
            String id = string();
            String owner = string();
            String name = string();
            List<String> parameters = strings();
            List<String> parameterTypes = strings();
            int n = count();
            @SuppressWarnings("unchecked")
            List<String>[] parameterAnnotations = new List[n];
            for (int i = 0; i < n; i++) {
                parameterAnnotations[i] = strings();
            }
            List<String> annotations = strings();
            boolean isStatic = next() != 0;
            String path = string();
            int declared = unzigzag(varint());
            String returnType = string();
            List<String> suppressed = strings();
            List<Stmt> body = stmts();
            Map<String, String> localTypes = stringMap();
            return new MethodIr(id, owner, name, parameters, parameterTypes, List.of(parameterAnnotations),
                    annotations, isStatic, body, path, declared, returnType, suppressed, localTypes);
        }

        List<Stmt> stmts() {
            int n = count();
            switch (n) {
                case 0:
                    return List.of();
                case 1:
                    return List.of(stmt());
                case 2: {
                    Stmt first = stmt();
                    return List.of(first, stmt());
                }
                default: {
                    Stmt[] all = new Stmt[n];
                    for (int i = 0; i < n; i++) {
                        all[i] = stmt();
                    }
                    return List.of(all);
                }
            }
        }

        private Stmt stmt() {
            int kind = next();
            return switch (kind) {
                case ASSIGN -> {
                    String target = string();
                    Operand value = operand();
                    yield new Stmt.Assign(target, value, line());
                }
                case BINARY -> {
                    String target = string();
                    String op = string();
                    Operand left = operand();
                    Operand right = operand();
                    yield new Stmt.Binary(target, op, left, right, line());
                }
                case UNARY -> {
                    String target = string();
                    String op = string();
                    Operand operand = operand();
                    yield new Stmt.Unary(target, op, operand, line());
                }
                case INVOKE, NEW -> {
                    String target = string();
                    Operand receiver = operand();
                    String owner = string();
                    String method = string();
                    List<Operand> args = operands();
                    yield new Stmt.Invoke(target, receiver, owner, method, args, kind == NEW, line());
                }
                case LOAD -> {
                    String target = string();
                    Operand base = operand();
                    String owner = string();
                    String field = string();
                    yield new Stmt.Load(target, base, owner, field, line());
                }
                case STORE -> {
                    Operand base = operand();
                    String owner = string();
                    String field = string();
                    Operand value = operand();
                    yield new Stmt.Store(base, owner, field, value, line());
                }
                case LOAD_INDEX -> {
                    String target = string();
                    Operand array = operand();
                    Operand index = operand();
                    yield new Stmt.LoadIndex(target, array, index, line());
                }
                case STORE_INDEX -> {
                    Operand array = operand();
                    Operand index = operand();
                    Operand value = operand();
                    yield new Stmt.StoreIndex(array, index, value, line());
                }
                case NEW_ARRAY -> {
                    String target = string();
                    List<Operand> elements = operands();
                    yield new Stmt.NewArray(target, elements, line());
                }
                case IF -> {
                    Operand condition = operand();
                    List<Stmt> then = stmts();
                    List<Stmt> otherwise = stmts();
                    yield new Stmt.If(condition, then, otherwise, line());
                }
                case LOOP, DO_LOOP -> {
                    List<Stmt> header = stmts();
                    Operand condition = operand();
                    List<Stmt> body = stmts();
                    List<Stmt> update = stmts();
                    yield new Stmt.Loop(header, condition, body, update, kind == DO_LOOP, line());
                }
                case SWITCH, SWITCH_FALLING -> {
                    Operand selector = operand();
                    int n = count();
                    Stmt.Case[] cases = new Stmt.Case[n];
                    for (int i = 0; i < n; i++) {
                        int head = varint();
                        int labelCount = head >>> 1;
                        if (labelCount > limit - position) {
                            throw new IllegalArgumentException("damaged IR record: " + labelCount + " labels");
                        }
                        Object[] labels = new Object[labelCount];
                        for (int j = 0; j < labelCount; j++) {
                            labels[j] = constant(next());
                        }
                        cases[i] = new Stmt.Case(List.of(labels), (head & 1) != 0, stmts());
                    }
                    yield new Stmt.Switch(selector, List.of(cases), kind == SWITCH_FALLING, line());
                }
                case TRY -> {
                    List<Stmt> body = stmts();
                    int n = count();
                    @SuppressWarnings("unchecked")
                    List<Stmt>[] handlers = new List[n];
                    for (int i = 0; i < n; i++) {
                        handlers[i] = stmts();
                    }
                    List<Stmt> finallyBlock = stmts();
                    yield new Stmt.Try(body, List.of(handlers), finallyBlock, line());
                }
                case LAMBDA -> {
                    String target = string();
                    List<String> parameters = strings();
                    List<Stmt> body = stmts();
                    yield new Stmt.Lambda(target, parameters, body, line());
                }
                case RETURN -> new Stmt.Return(operand(), line());
                case THROW -> new Stmt.Throw(operand(), line());
                case BREAK -> new Stmt.Break(line());
                case CONTINUE -> new Stmt.Continue(line());
                default -> throw new IllegalArgumentException("damaged IR record: statement kind " + kind);
            };
        }

        private int line() {
            line += unzigzag(varint());
            return line;
        }

        private List<Operand> operands() {
            int n = count();
            switch (n) {
                case 0:
                    return List.of();
                case 1:
                    return List.of(operand());
                default: {
                    Operand[] all = new Operand[n];
                    for (int i = 0; i < n; i++) {
                        all[i] = operand();
                    }
                    return List.of(all);
                }
            }
        }

        private Operand operand() {
            int tag = next();
            if (tag == LOCAL) {
                return new Operand.Local(string());
            }
            if (tag == NO_OPERAND) {
                return null;
            }
            return new Operand.Const(constant(tag));
        }

        private Object constant(int tag) {
            return switch (tag) {
                case CONST_STRING -> {
                    String s = string();
                    if (s == null) {
                        throw new IllegalArgumentException("damaged IR record: null string constant");
                    }
                    yield s;
                }
                case CONST_LONG -> {
                    long v = varlong();
                    yield (v >>> 1) ^ -(v & 1);
                }
                case CONST_NULL -> Operand.NULL;
                case CONST_TRUE -> Boolean.TRUE;
                case CONST_FALSE -> Boolean.FALSE;
                case CONST_CHAR -> (char) varint();
                case CONST_DOUBLE -> Double.longBitsToDouble(varlong());
                case CONST_INT -> unzigzag(varint());
                case CONST_FLOAT -> Float.intBitsToFloat(varint());
                case CONST_SHORT -> (short) unzigzag(varint());
                case CONST_BYTE -> (byte) unzigzag(varint());
                default -> throw new IllegalArgumentException("damaged IR record: constant kind " + tag);
            };
        }

        Map<String, String> stringMap() {
            int n = count();
            if (n == 0) {
                return Map.of();
            }
            if (n == 1) {
                String key = string();
                return Map.of(key, string());
            }
            @SuppressWarnings("unchecked")
            Map.Entry<String, String>[] entries = new Map.Entry[n];
            for (int i = 0; i < n; i++) {
                String key = string();
                entries[i] = Map.entry(key, string());
            }
            return Map.ofEntries(entries);
        }

        private List<String> strings() {
            int n = count();
            switch (n) {
                case 0:
                    return List.of();
                case 1:
                    return List.of(string());
                default: {
                    String[] all = new String[n];
                    for (int i = 0; i < n; i++) {
                        all[i] = string();
                    }
                    return List.of(all);
                }
            }
        }

        private String string() {
            int reference = varint();
            int payload = reference >>> 2;
            switch (reference & 3) {
                case REF_TABLE: {
                    if (payload == 0) {
                        return null;
                    }
                    int number = payload - 1;
                    if (number < FIXED.length) {
                        return FIXED[number];
                    }
                    number -= FIXED.length;
                    if (number >= stringCount) {
                        throw new IllegalArgumentException("damaged IR record: string " + number);
                    }
                    return strings[number];
                }
                case REF_TEMPORARY:
                    return Temporaries.name(payload);
                case REF_NEW_LATIN: {
                    if (payload > limit - position) {
                        throw new IllegalArgumentException("damaged IR record: string of " + payload + " bytes");
                    }
                    String s = new String(bytes, position, payload, StandardCharsets.ISO_8859_1);
                    position += payload;
                    return remember(s);
                }
                default: {
                    if (payload > limit - position) {
                        throw new IllegalArgumentException("damaged IR record: string of " + payload + " chars");
                    }
                    char[] chars = new char[payload];
                    for (int i = 0; i < payload; i++) {
                        chars[i] = (char) varint();
                    }
                    return remember(new String(chars));
                }
            }
        }

        private String remember(String s) {
            if (stringCount == strings.length) {
                strings = Arrays.copyOf(strings, stringCount * 2);
            }
            strings[stringCount++] = s;
            return s;
        }

        private int count() {
            int n = varint();
            if (n < 0 || n > limit - position) {
                throw new IllegalArgumentException("damaged IR record: " + n + " items");
            }
            return n;
        }

        private static int unzigzag(int v) {
            return (v >>> 1) ^ -(v & 1);
        }

        private int next() {
            if (position >= limit) {
                throw new IllegalArgumentException("damaged IR record: cut short");
            }
            return bytes[position++] & 0xFF;
        }

        private int varint() {
            if (position < limit) {
                int b = bytes[position];
                if (b >= 0) {
                    position++;
                    return b;
                }
            }
            int v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = next();
                v |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("damaged IR record: varint too long");
        }

        private long varlong() {
            long v = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                int b = next();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("damaged IR record: varlong too long");
        }
    }
}
