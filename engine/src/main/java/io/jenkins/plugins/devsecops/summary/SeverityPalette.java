package io.jenkins.plugins.devsecops.summary;

import io.jenkins.plugins.devsecops.model.Severity;

/**
 * The one set of severity colours every view uses: the HTML report's badges and tiles ({@code report.css}), the
 * dashboard page, the trend charts here and in Jenkins. Dark red for CRITICAL, red for HIGH, amber, blue, grey.
 */
public final class SeverityPalette {

    private static final String[] COLOURS = {"#8b0f2e", "#d1242f", "#bf8700", "#0969da", "#6e7781"};

    private SeverityPalette() {
    }

    /** The colour of {@code severity}, {@code #rrggbb}. */
    public static String colour(Severity severity) {
        return COLOURS[severity.ordinal()];
    }
}
