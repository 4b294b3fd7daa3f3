package io.jenkins.plugins.devsecops.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.report.InlineScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The library's hash shipped in {@code echarts.common.min.js.sha256} is the hash of the library the pages inline. When
 * the webjar changes, this test fails; run it with {@code -Ddevsecops.writeDigests=true} (from the engine module) to
 * write the new hash into {@code src/main/resources}.
 */
class EChartsLibraryTest {

    private static final Path SHIPPED = Path.of("src/main/resources/io/jenkins/plugins/devsecops/dashboard",
            EChartsLibrary.HASH_RESOURCE);

    @Test
    void shippedHashIsTheHashOfTheInlinedLibrary() throws IOException {
        String library = EChartsLibrary.script();
        assertThat(library).isNotNull().hasSizeGreaterThan(100_000).doesNotContain("</script");
        String expected = InlineScripts.hash(library);
        if (Boolean.getBoolean("devsecops.writeDigests")) {
            Files.writeString(SHIPPED, expected + "\n", StandardCharsets.US_ASCII);
        }
        assertThat(Files.readString(SHIPPED, StandardCharsets.US_ASCII).strip())
                .as("%s is stale: run EChartsLibraryTest with -Ddevsecops.writeDigests=true in engine/", SHIPPED)
                .isEqualTo(expected);
        assertThat(EChartsLibrary.buildTimeHash()).isEqualTo(expected);
    }

    @Test
    void pagesCopyTheLibrarysBytesWhichAreItsTextEncodedAndCloseNoScriptElement() throws IOException {
        String library = EChartsLibrary.script();
        byte[] shipped = InlineScripts.shippedUtf8(library);
        assertThat(shipped).isNotNull().isEqualTo(library.getBytes(StandardCharsets.UTF_8));
        assertThat(java.util.regex.Pattern.compile("</script", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(library).find()).isFalse();
        // the bytes are escaped as the text's replace escapes it
        try (java.io.InputStream in = EChartsLibrary.class.getResourceAsStream(EChartsLibrary.RESOURCE)) {
            String original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(library).isEqualTo(original.replace("</script", "<\\/script"));
        }
        // an equal text in another object, or a script that could close its element, is not copied
        assertThat(InlineScripts.shippedUtf8(new String(library.toCharArray()))).isNull();
        String closing = "var a = '</SCRIPT>';";
        InlineScripts.withUtf8(closing, closing.getBytes(StandardCharsets.UTF_8));
        assertThat(InlineScripts.shippedUtf8(closing)).isNull();
    }

    @Test
    void pagePolicyAllowsTheLibraryByItsHashAndOtherScriptsByTheirOwn() {
        String library = EChartsLibrary.script();
        String other = "console.log('x');";
        // an equal text in another object gets the same hash, computed
        String copy = new String(library.toCharArray());
        String policy = InlineScripts.contentSecurityPolicy(List.of(library, other, copy));
        assertThat(policy).isEqualTo("default-src 'none'; script-src '" + InlineScripts.hash(library) + "' '"
                + InlineScripts.hash(other) + "'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
                + "form-action 'none'");
    }
}
