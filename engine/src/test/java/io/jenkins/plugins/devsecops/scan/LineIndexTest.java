package io.jenkins.plugins.devsecops.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LineIndexTest {

    @Test
    void shouldMapOffsetsToLinesAndColumns() {
        // Given a text with an empty line, a CRLF line and no newline at the end
        LineIndex lines = new LineIndex("first\n\nthird\r\nlast");

        // Then offsets map to 1-based lines and columns, and lines back to their text without terminators
        assertThat(lines.lineCount()).isEqualTo(4);
        assertThat(lines.lineOf(0)).isEqualTo(1);
        assertThat(lines.lineOf(5)).isEqualTo(1);
        assertThat(lines.lineOf(6)).isEqualTo(2);
        assertThat(lines.lineOf(7)).isEqualTo(3);
        assertThat(lines.columnOf(9)).isEqualTo(3);
        assertThat(lines.line(3)).isEqualTo("third");
        assertThat(lines.line(4)).isEqualTo("last");
        assertThat(lines.startOf(4)).isEqualTo(14);
    }

    @Test
    void shouldAnswerAsTheWholeIndexUpToTheOffsetItWasBuiltThrough() {
        // Given random texts of short and long lines, and an index of each built only through a random offset
        Random random = new Random(5);
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(400);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(6) == 0 ? '\n' : random.nextInt(20) == 0 ? '\r' : 'x');
            }
            String content = text.toString();
            LineIndex whole = new LineIndex(content);
            int through = content.isEmpty() ? 0 : random.nextInt(content.length());
            LineIndex partial = LineIndex.through(content, through);

            // Then every lookup at or before that offset, and of the lines up to its line, is the same
            for (int offset = 0; offset <= through && offset < Math.max(1, content.length()); offset++) {
                assertThat(partial.lineOf(offset)).as("round %d offset %d", round, offset).isEqualTo(whole.lineOf(offset));
                assertThat(partial.columnOf(offset)).isEqualTo(whole.columnOf(offset));
            }
            int lastLine = whole.lineOf(through);
            for (int line = 1; line <= lastLine; line++) {
                assertThat(partial.startOf(line)).isEqualTo(whole.startOf(line));
                assertThat(partial.line(line)).isEqualTo(whole.line(line));
                // whether another line follows is told by lineCount() as by the whole index
                assertThat(line < partial.lineCount()).as("round %d line %d", round, line)
                        .isEqualTo(line < whole.lineCount());
            }
            assertThat(partial.lineCount()).isLessThanOrEqualTo(whole.lineCount());
        }
    }
}
