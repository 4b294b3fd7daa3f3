package io.jenkins.plugins.devsecops.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void shouldEscapeTagsQuotesAndAmpersands() {
        assertThat(HtmlText.escape("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(HtmlText.escape("\" onmouseover=\"x")).isEqualTo("&quot; onmouseover=&quot;x");
        assertThat(HtmlText.escape("' onfocus='x")).isEqualTo("&#39; onfocus=&#39;x");
        assertThat(HtmlText.escape("</textarea>")).isEqualTo("&lt;/textarea&gt;");
        assertThat(HtmlText.escape("a & b &amp; c")).isEqualTo("a &amp; b &amp;amp; c");
    }

    @Test
    void shouldKeepUnicodeAndReplaceWhatHtmlCannotCarry() {
        // Given text with accents, CJK, an emoji (a surrogate pair), a lone surrogate and control characters
        String text = "caf\u00e9 \u6f22\u5b57 \uD83D\uDD11 \uD800 a\u0000b\u001bc\u0085d\tline\nnext";

        // When escaped
        String escaped = HtmlText.escape(text);

        // Then printable Unicode stays, the rest becomes U+FFFD
        assertThat(escaped).isEqualTo("caf\u00e9 \u6f22\u5b57 \uD83D\uDD11 \uFFFD a\uFFFDb\uFFFDc\uFFFDd\tline\nnext");
    }

    @Test
    void shouldReturnTheSameStringWhenNothingNeedsEscapingAndEmptyForNull() {
        String plain = "AKIA************MPLE in config/app.env";
        assertThat(HtmlText.escape(plain)).isSameAs(plain);
        assertThat(HtmlText.escape(null)).isEmpty();
    }
}
