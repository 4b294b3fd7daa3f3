package io.jenkins.plugins.devsecops.sast.ir;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A compact binary form of IR values ({@link MethodIr}, its {@link Stmt}s and {@link Operand}s, or any other record
 * of strings, numbers, booleans, lists and maps), so that the IR of a whole program can wait outside the heap and be
 * read back when a method is analysed. Each record is written as its class's number and its components in order, by
 * their runtime type, so a record added to the IR (or a component added to one) needs no change here; a value of
 * another kind is refused with {@link IllegalArgumentException}. Strings are written once per encoded value and
 * referred to by number after that (a method's temporaries, owner and path repeat).
 *
 * <p>Encoded bytes are only meaningful to the same running program: class numbers are given out as classes are first
 * seen. Decoding gives a value equal to the encoded one ({@link Operand#NULL} decodes to itself).
 */
public final class IrCodec {

    private static final int NULL = 0;
    private static final int NEW_STRING = 1;
    private static final int STRING = 2;
    private static final int INT = 3;
    private static final int LONG = 4;
    private static final int DOUBLE = 5;
    private static final int TRUE = 6;
    private static final int FALSE = 7;
    private static final int LIST = 8;
    private static final int MAP = 9;
    private static final int RECORD = 10;
    private static final int CONST_NULL = 11;
    private static final int CHAR = 12;
    private static final int FLOAT = 13;
    private static final int NEW_CHARS = 14;

    /** How one record class is taken apart and put together. */
    private record Shape(int number, Method[] accessors, Constructor<?> constructor) {
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();
    private static final List<Shape> BY_NUMBER = new CopyOnWriteArrayList<>();

    private IrCodec() {
    }

    /** The bytes of a value. */
    public static byte[] encode(Object value) {
        Writer writer = new Writer();
        writer.write(value);
        return Arrays.copyOf(writer.bytes, writer.size);
    }

    /** The value whose bytes these are. */
    public static Object decode(byte[] bytes) {
        Reader reader = new Reader(bytes);
        Object value = reader.read();
        if (reader.position != bytes.length) {
            throw new IllegalArgumentException("damaged IR record: " + (bytes.length - reader.position)
                    + " bytes left over");
        }
        return value;
    }

    private static Shape shape(Class<?> type) {
        Shape known = SHAPES.get(type);
        if (known != null) {
            return known;
        }
        synchronized (BY_NUMBER) {
            known = SHAPES.get(type);
            if (known != null) {
                return known;
            }
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            Class<?>[] types = new Class<?>[components.length];
            try {
                for (int i = 0; i < components.length; i++) {
                    accessors[i] = components[i].getAccessor();
                    accessors[i].setAccessible(true);
                    types[i] = components[i].getType();
                }
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                Shape created = new Shape(BY_NUMBER.size(), accessors, constructor);
                BY_NUMBER.add(created);
                SHAPES.put(type, created);
                return created;
            } catch (NoSuchMethodException | RuntimeException e) {
                throw new IllegalArgumentException("cannot encode " + type.getName() + ": " + e, e);
            }
        }
    }

    private static Shape shape(int number) {
        if (number < 0 || number >= BY_NUMBER.size()) {
            throw new IllegalArgumentException("damaged IR record: unknown record class " + number);
        }
        return BY_NUMBER.get(number);
    }

    private static final class Writer {
        private byte[] bytes = new byte[512];
        private int size;
        private final Map<String, Integer> strings = new HashMap<>();

        void write(Object value) {
            if (value == null) {
                put(NULL);
            } else if (value instanceof String s) {
                Integer number = strings.get(s);
                if (number != null) {
                    put(STRING);
                    putVarint(number);
                } else {
                    strings.put(s, strings.size());
                    if (hasSurrogates(s)) {
                        // UTF-8 cannot carry an unpaired surrogate: such strings go char by char
                        put(NEW_CHARS);
                        putVarint(s.length());
                        for (int i = 0; i < s.length(); i++) {
                            putVarint(s.charAt(i));
                        }
                    } else {
                        put(NEW_STRING);
                        byte[] utf = s.getBytes(StandardCharsets.UTF_8);
                        putVarint(utf.length);
                        putBytes(utf);
                    }
                }
            } else if (value instanceof Integer i) {
                put(INT);
                putVarint(zigzag(i));
            } else if (value instanceof Long l) {
                put(LONG);
                putVarlong((l << 1) ^ (l >> 63));
            } else if (value instanceof Double d) {
                put(DOUBLE);
                putVarlong(Double.doubleToRawLongBits(d));
            } else if (value instanceof Float f) {
                put(FLOAT);
                putVarint(Float.floatToRawIntBits(f));
            } else if (value instanceof Boolean b) {
                put(b ? TRUE : FALSE);
            } else if (value instanceof Character c) {
                put(CHAR);
                putVarint(c);
            } else if (value == Operand.NULL) {
                put(CONST_NULL);
            } else if (value instanceof List<?> list) {
                put(LIST);
                putVarint(list.size());
                for (Object item : list) {
                    write(item);
                }
            } else if (value instanceof Map<?, ?> map) {
                put(MAP);
                putVarint(map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    write(e.getKey());
                    write(e.getValue());
                }
            } else if (value instanceof Record) {
                Shape shape = shape(value.getClass());
                put(RECORD);
                putVarint(shape.number());
                for (Method accessor : shape.accessors()) {
                    try {
                        write(accessor.invoke(value));
                    } catch (IllegalAccessException | InvocationTargetException e) {
                        throw new IllegalArgumentException("cannot read " + accessor, e);
                    }
                }
            } else {
                throw new IllegalArgumentException("cannot encode a " + value.getClass().getName());
            }
        }

        private static boolean hasSurrogates(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (Character.isSurrogate(s.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        private static int zigzag(int i) {
            return (i << 1) ^ (i >> 31);
        }

        private void put(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = (byte) b;
        }

        private void putBytes(byte[] b) {
            if (size + b.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(size * 2, size + b.length));
            }
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        private void putVarint(int v) {
            while ((v & ~0x7F) != 0) {
                put((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            put(v);
        }

        private void putVarlong(long v) {
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
        private final List<String> strings = new ArrayList<>();

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        Object read() {
            int tag = next();
            switch (tag) {
                case NULL:
                    return null;
                case NEW_STRING: {
                    int length = varint();
                    if (length < 0 || length > bytes.length - position) {
                        throw new IllegalArgumentException("damaged IR record: string of " + length + " bytes");
                    }
                    String s = new String(bytes, position, length, StandardCharsets.UTF_8);
                    position += length;
                    strings.add(s);
                    return s;
                }
                case NEW_CHARS: {
                    int length = count();
                    char[] chars = new char[length];
                    for (int i = 0; i < length; i++) {
                        chars[i] = (char) varint();
                    }
                    String s = new String(chars);
                    strings.add(s);
                    return s;
                }
                case STRING: {
                    int number = varint();
                    if (number < 0 || number >= strings.size()) {
                        throw new IllegalArgumentException("damaged IR record: string " + number);
                    }
                    return strings.get(number);
                }
                case INT: {
                    int v = varint();
                    return (v >>> 1) ^ -(v & 1);
                }
                case LONG: {
                    long v = varlong();
                    return (v >>> 1) ^ -(v & 1);
                }
                case DOUBLE:
                    return Double.longBitsToDouble(varlong());
                case FLOAT:
                    return Float.intBitsToFloat(varint());
                case TRUE:
                    return Boolean.TRUE;
                case FALSE:
                    return Boolean.FALSE;
                case CHAR:
                    return (char) varint();
                case CONST_NULL:
                    return Operand.NULL;
                case LIST: {
                    int n = count();
                    List<Object> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(read());
                    }
                    return list;
                }
                case MAP: {
                    int n = count();
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        map.put(read(), read());
                    }
                    return map;
                }
                case RECORD: {
                    Shape shape = shape(varint());
                    Object[] components = new Object[shape.accessors().length];
                    for (int i = 0; i < components.length; i++) {
                        components[i] = read();
                    }
                    try {
                        return shape.constructor().newInstance(components);
                    } catch (ReflectiveOperationException | IllegalArgumentException e) {
                        throw new IllegalArgumentException("damaged IR record: cannot make a "
                                + shape.constructor().getDeclaringClass().getName(), e);
                    }
                }
                default:
                    throw new IllegalArgumentException("damaged IR record: tag " + tag);
            }
        }

        private int count() {
            int n = varint();
            if (n < 0 || n > bytes.length - position) {
                throw new IllegalArgumentException("damaged IR record: " + n + " items");
            }
            return n;
        }

        private int next() {
            if (position >= bytes.length) {
                throw new IllegalArgumentException("damaged IR record: cut short");
            }
            return bytes[position++] & 0xFF;
        }

        private int varint() {
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
            throw new IllegalArgumentException("damaged IR record: varint too long");
        }
    }
}
