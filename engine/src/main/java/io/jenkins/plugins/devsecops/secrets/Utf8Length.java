package io.jenkins.plugins.devsecops.secrets;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** The number of UTF-16 characters a range of UTF-8 bytes decodes to, as {@code new String(bytes, UTF_8)} does. */
final class Utf8Length {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Utf8Length() {
    }

    /**
     * The length of {@code new String(bytes, from, to - from, UTF_8)} without building it. Well-formed UTF-8 is
     * counted in place (one character per sequence, two for a supplementary one); a range holding malformed bytes is
     * decoded, so that replacement characters count exactly as the decoder makes them.
     */
    static int of(byte[] bytes, int from, int to) {
        int chars = 0;
        int i = from;
        while (i < to) {
            // Runs of ASCII eight bytes at a time, read as one word: a byte with its high bit set shows in the mask.
            while (i + 8 <= to && ((long) LONGS.get(bytes, i) & 0x8080808080808080L) == 0) {
                i += 8;
                chars += 8;
            }
            if (i >= to) {
                break;
            }
            int b = bytes[i];
            if (b >= 0) {
                i++;
                chars++;
                continue;
            }
            int length = sequenceLength(bytes, i, to);
            if (length == 0) {
                return chars + new String(bytes, i, to - i, StandardCharsets.UTF_8).length();
            }
            i += length;
            chars += length == 4 ? 2 : 1;
        }
        return chars;
    }

    /** The length of the well-formed multi-byte sequence at {@code i}, or 0 when it is malformed or cut at {@code to}. */
    private static int sequenceLength(byte[] bytes, int i, int to) {
        int lead = bytes[i] & 0xFF;
        int length;
        int secondMin = 0x80;
        int secondMax = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) {
                secondMin = 0xA0;
            } else if (lead == 0xED) {
                secondMax = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) {
                secondMin = 0x90;
            } else if (lead == 0xF4) {
                secondMax = 0x8F;
            }
        } else {
            return 0;
        }
        if (i + length > to) {
            return 0;
        }
        int second = bytes[i + 1] & 0xFF;
        if (second < secondMin || second > secondMax) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            if ((bytes[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return length;
    }
}
