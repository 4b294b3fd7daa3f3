package io.jenkins.plugins.devsecops.scan;

import java.util.Arrays;

/** Maps character offsets of a text to 1-based lines and columns, and lines back to their text. */
public final class LineIndex {

    private final String text;
    private final int[] lineStarts;

    public LineIndex(String text) {
        this(text, Integer.MAX_VALUE);
    }

    private LineIndex(String text, int through) {
        this.text = text;
        int[] starts = new int[64];
        int count = 0;
        starts[count++] = 0;
        // newline to newline with the string's own search, which skips a line at a time
        for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = newline + 1;
            if (newline >= through) {
                break;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    /**
     * An index of the lines of {@code text} up to the one holding {@code offset}, and of where the line after it
     * starts: for offsets up to {@code offset} and the lines up to that one, every lookup answers as the index of the
     * whole text would ({@link #lineCount()} counts only the indexed lines, but {@code line < lineCount()} still
     * tells whether a line of those has another after it). Reads the text only as far as that: a file's few findings
     * do not need the lines of all of it.
     */
    public static LineIndex through(String text, int offset) {
        return new LineIndex(text, offset);
    }

    /** The number of lines (a trailing newline does not start another one with content, but is counted). */
    public int lineCount() {
        return lineStarts.length;
    }

    /** The 1-based line of {@code offset}. */
    public int lineOf(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return index >= 0 ? index + 1 : -index - 1;
    }

    /** The 1-based column of {@code offset} on its line. */
    public int columnOf(int offset) {
        return offset - lineStarts[lineOf(offset) - 1] + 1;
    }

    /** The offset where 1-based {@code line} starts. */
    public int startOf(int line) {
        return lineStarts[line - 1];
    }

    /** The text of 1-based {@code line}, without its line terminator. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            throw new IndexOutOfBoundsException("No line " + line + " in " + lineStarts.length + " lines");
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, Math.max(start, end));
    }
}
