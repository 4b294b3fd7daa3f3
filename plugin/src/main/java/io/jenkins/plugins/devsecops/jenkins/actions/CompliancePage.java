package io.jenkins.plugins.devsecops.jenkins.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.devsecops.compliance.ComplianceCsv;
import io.jenkins.plugins.devsecops.compliance.ComplianceView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The compliance page of one scan ({@code <build>/<scan id>/compliance/}): per framework, each requirement with the
 * open findings bearing on it, and the CSV export ({@code compliance/csv}). The view model is the engine's
 * {@link ComplianceView}, built from the scan's stored report on request; the page escapes every value.
 */
public final class CompliancePage {

    private static final Logger LOGGER = Logger.getLogger(CompliancePage.class.getName());

    private final DevSecOpsBuildAction action;

    CompliancePage(DevSecOpsBuildAction action) {
        this.action = action;
    }

    /** The build, for the side panel. */
    public Run<?, ?> getOwner() {
        return action.getOwner();
    }

    /** The scan's display name. */
    public String getDisplayName() {
        return "Compliance \u2014 " + action.getDisplayName();
    }

    /** The URL of this page relative to the build, e.g. {@code devsecops/compliance/}. */
    public String getUrl() {
        return action.getUrlName() + "/compliance/";
    }

    /** What the view is and is not. */
    public String getStatement() {
        return ComplianceView.STATEMENT;
    }

    /** The view, or {@code null} when the report cannot be read or mapped (the page says so). */
    @CheckForNull
    public ComplianceView getView() {
        try {
            return action.getReport().map(ComplianceView::of).orElse(null);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot build the compliance view of " + action.getOwner(), e);
            return null;
        }
    }

    /**
     * Downloads the view as CSV (every row, formulas neutralised), served like the report downloads: with the content
     * type of its file name ({@code .csv}, {@code text/csv}), so browsers never render it as a page.
     */
    public void doCsv(StaplerRequest2 request, StaplerResponse2 response) throws Exception {
        Run<?, ?> owner = action.getOwner();
        owner.checkPermission(Item.READ);
        ComplianceView view = getView();
        if (view == null) {
            throw HttpResponses.notFound();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ComplianceCsv.write(view, bytes);
        String fileName = action.getId().replaceAll("[^A-Za-z0-9._-]", "_") + "-compliance.csv";
        response.serveFile(request, new ByteArrayInputStream(bytes.toByteArray()), owner.getTimeInMillis(),
                bytes.size(), fileName);
    }
}
