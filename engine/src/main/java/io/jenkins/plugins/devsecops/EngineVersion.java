package io.jenkins.plugins.devsecops;

import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The name and version of this engine, as recorded in every report. */
public final class EngineVersion {

    /** The tool name in reports. */
    public static final String NAME = "DevSecOps Scan";

    private static final String VERSION = readVersion();

    private EngineVersion() {
    }

    /** The engine's version, e.g. {@code 0.1.0}. */
    public static String version() {
        return VERSION;
    }

    /** This engine as a tool. */
    public static ToolInfo tool() {
        return new ToolInfo(NAME, VERSION);
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = EngineVersion.class.getResourceAsStream("engine-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
