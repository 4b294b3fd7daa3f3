package io.jenkins.plugins.devsecops.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class InlineScriptsShippedTest {

    private static final Pattern SCRIPT_END = Pattern.compile("</script", Pattern.CASE_INSENSITIVE);

    @Test
    void shouldFindAScriptEndInAnyCaseAsThePageWritersCheck() {
        for (String script : List.of("</script", "a</SCRIPT>", "x</ScRiPt y", "</scrip</script", "\u00e9</sCRIPT",
                "</</script", "<\\/script", "< /script", "</scrip", "</sc", "</", "", "script", "</scripted",
                "</scrjpt", "a</script\u2028")) {
            assertThat(InlineScripts.closesScriptElement(script)).as(script)
                    .isEqualTo(SCRIPT_END.matcher(script).find());
        }
    }

    @Test
    void shouldCopyOnlyARegisteredScriptObjectThatClosesNoElement() {
        String safe = new String("var s = '<\\/script>'; // caf\u00e9".toCharArray());
        assertThat(InlineScripts.shippedUtf8(safe)).isNull();
        byte[] utf8 = safe.getBytes(StandardCharsets.UTF_8);
        assertThat(InlineScripts.withUtf8(safe, utf8)).isSameAs(safe);
        assertThat(InlineScripts.shippedUtf8(safe)).isSameAs(utf8);
        assertThat(InlineScripts.shippedUtf8(new String(safe.toCharArray()))).isNull();
        String closing = new String("var s = '</Script>';".toCharArray());
        InlineScripts.withUtf8(closing, closing.getBytes(StandardCharsets.UTF_8));
        assertThat(InlineScripts.shippedUtf8(closing)).isNull();
    }
}
