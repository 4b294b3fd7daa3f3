package io.jenkins.plugins.devsecops.dashboard;

import io.jenkins.plugins.devsecops.report.InlineScripts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The ECharts library from its Maven Central webjar, read once, to inline into pages (no network at view time), with
 * its Content-Security-Policy hash made at build time ({@link #HASH_RESOURCE}; {@code EChartsLibraryTest} checks it).
 */
final class EChartsLibrary {

    static final String VERSION = "5.5.0";
    static final String RESOURCE = "/META-INF/resources/webjars/echarts/" + VERSION + "/echarts.common.min.js";

    /** The {@link InlineScripts#hash} of {@link #script()}, next to this class. */
    static final String HASH_RESOURCE = "echarts.common.min.js.sha256";

    private static volatile String script;

    private EChartsLibrary() {
    }

    /** The minified library, or {@code null} when the webjar is missing from the class path. */
    static String script() {
        String result = script;
        if (result == null) {
            try (InputStream in = EChartsLibrary.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    return null;
                }
                byte[] utf8 = escapeScriptEnds(in.readAllBytes());
                result = new String(utf8, StandardCharsets.UTF_8);
                String hash = buildTimeHash();
                if (hash != null) {
                    InlineScripts.withBuildTimeHash(result, hash);
                }
                InlineScripts.withUtf8(result, utf8);
                script = result;
            } catch (IOException e) {
                return null;
            }
        }
        return result;
    }

    /**
     * {@code library} with every {@code </script} written {@code <\/script} (the same text to the script, and no end of
     * its element to the HTML parser), as the text's {@code replace} gives it: on the bytes, all ASCII.
     */
    static byte[] escapeScriptEnds(byte[] library) {
        byte[] end = "</script".getBytes(StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream escaped = new java.io.ByteArrayOutputStream(library.length + 16);
        int from = 0;
        for (int i = 0; i + end.length <= library.length; i++) {
            if (library[i] == '<' && java.util.Arrays.equals(library, i, i + end.length, end, 0, end.length)) {
                escaped.write(library, from, i + 1 - from);
                escaped.write('\\');
                from = i + 1;
            }
        }
        escaped.write(library, from, library.length - from);
        return escaped.toByteArray();
    }

    /** The hash made at build time, or {@code null} without the resource (the hash is then made when needed). */
    static String buildTimeHash() throws IOException {
        try (InputStream in = EChartsLibrary.class.getResourceAsStream(HASH_RESOURCE)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
    }
}
