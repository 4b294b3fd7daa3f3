package io.jenkins.plugins.devsecops.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The ECharts library from its Maven Central webjar, read once, to inline into pages (no network at view time). */
final class EChartsLibrary {

    static final String VERSION = "5.5.0";
    static final String RESOURCE = "/META-INF/resources/webjars/echarts/" + VERSION + "/echarts.common.min.js";

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
                result = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
                script = result;
            } catch (IOException e) {
                return null;
            }
        }
        return result;
    }
}
