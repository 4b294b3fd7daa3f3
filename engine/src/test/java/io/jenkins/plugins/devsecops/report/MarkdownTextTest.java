package io.jenkins.plugins.devsecops.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void shouldNeutraliseLinksImagesHtmlAndEmphasis() {
        assertThat(MarkdownText.escape("[click](https://evil.example) ![x](http://e/p.png)"))
                .isEqualTo("\\[click\\]\\(https\\://evil\\.example\\) \\!\\[x\\]\\(http\\://e/p\\.png\\)");
        assertThat(MarkdownText.escape("<b>*bold* _x_ `code`</b>"))
                .isEqualTo("\\<b\\>\\*bold\\* \\_x\\_ \\`code\\`\\</b\\>");
    }

    @Test
    void shouldFlattenLineBreaksSoNoHeadingOrTableCanStart() {
        assertThat(MarkdownText.escape("a\n# heading\r\n| t |")).isEqualTo("a \\# heading  \\| t \\|");
        assertThat(MarkdownText.escape(null)).isEmpty();
    }
}
