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
                byte[] utf8 = in.readAllBytes();
                result = new String(utf8, StandardCharsets.UTF_8);
                if (result.contains("</script")) {
                    result = result.replace("</script", "<\\/script");
                    utf8 = result.getBytes(StandardCharsets.UTF_8);
                }
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

    /** The hash made at build time, or {@code null} without the resource (the hash is then made when needed). */
    static String buildTimeHash() throws IOException {
        try (InputStream in = EChartsLibrary.class.getResourceAsStream(HASH_RESOURCE)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
    }
}
