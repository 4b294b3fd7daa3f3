package io.jenkins.plugins.devsecops.jenkins.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devsecops.imports.ImportPattern;
import io.jenkins.plugins.devsecops.imports.ReportParsers;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One report of another scanner to import, as the step's {@code imports} takes it:
 * {@code imports: [[format: 'sarif', pattern: 'build/**&#47;*.sarif']]}. Only holds the fields; the engine's
 * {@link ImportPattern} validates them and the import stage does the work on the agent.
 */
public final class ImportReportConfig implements Describable<ImportReportConfig>, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The format that detects each report's format from its content. */
    public static final String AUTO = "auto";

    private final String format;
    private final String pattern;

    @DataBoundConstructor
    public ImportReportConfig(String format, String pattern) {
        this.format = Util.fixEmptyAndTrim(format) == null ? AUTO : format.trim();
        this.pattern = Util.fixNull(pattern).trim();
    }

    public String getFormat() {
        return format;
    }

    public String getPattern() {
        return pattern;
    }

    /** The engine's {@code FORMAT:GLOB} text for this import. */
    public String toPatternText() {
        return format + ":" + pattern;
    }

    /**
     * The {@code imports.patterns} stage option for a list of imports.
     *
     * @throws IllegalArgumentException naming the known formats when a format is unknown, or for an empty pattern
     */
    public static String toOption(List<ImportReportConfig> imports) {
        return ImportPattern.toOption(imports.stream().map(ImportReportConfig::toPatternText).toList());
    }

    /** Describes an import to forms, the Snippet Generator and Configuration as Code. */
    @Extension
    @Symbol("importReport")
    public static final class DescriptorImpl extends Descriptor<ImportReportConfig> {

        private final FormPermission permission = new FormPermission();

        @NonNull
        @Override
        public String getDisplayName() {
            return "Import a report";
        }

        /** {@code auto} and every format the engine can import. */
        @POST
        public ListBoxModel doFillFormatItems(@AncestorInPath Item item) {
            ListBoxModel model = new ListBoxModel();
            if (permission.canConfigure(item)) {
                model.add("Detect from content", AUTO);
                for (String known : ReportParsers.builtIn().formats()) {
                    model.add(known, known);
                }
            }
            return model;
        }

        /** Checks that the pattern is a usable file pattern. */
        @POST
        public FormValidation doCheckPattern(@AncestorInPath Item item, @QueryParameter String format,
                @QueryParameter String pattern) {
            if (!permission.canConfigure(item)) {
                return FormValidation.ok();
            }
            if (Util.fixEmptyAndTrim(pattern) == null) {
                return FormValidation.error("A file pattern is required, e.g. build/reports/**/*.sarif");
            }
            try {
                ImportPattern.toOption(List.of(new ImportReportConfig(format, pattern).toPatternText()));
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
