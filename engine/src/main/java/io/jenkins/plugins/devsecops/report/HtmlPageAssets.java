package io.jenkins.plugins.devsecops.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The style sheet and script of the HTML report, read once from the class path, and the Content-Security-Policy
 * hash that lets exactly that script run and nothing else.
 */
final class HtmlPageAssets {

    static final String CSS = read("html/report.css");
    static final String SCRIPT = read("html/report.js");
    static final String SCRIPT_HASH = InlineScripts.hash(SCRIPT);

    private HtmlPageAssets() {
    }

    /**
     * The page's policy: nothing is fetched from anywhere (no network, no frames, no forms, no base URL); only the
     * writer's own script runs (by hash, so an injected script would not); inline styles are allowed for sections.
     */
    static String contentSecurityPolicy() {
        return InlineScripts.contentSecurityPolicy(List.of(SCRIPT));
    }

    /** The policy allowing the writer's own script followed by the sections' {@code extraScripts}. */
    static String contentSecurityPolicy(List<String> extraScripts) {
        List<String> scripts = new ArrayList<>();
        scripts.add(SCRIPT);
        scripts.addAll(extraScripts);
        return InlineScripts.contentSecurityPolicy(scripts);
    }

    private static String read(String name) {
        try (InputStream in = HtmlPageAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name + " next to " + HtmlPageAssets.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
