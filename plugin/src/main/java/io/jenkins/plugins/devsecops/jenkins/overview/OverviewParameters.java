package io.jenkins.plugins.devsecops.jenkins.overview;

/**
 * The Security overview's query parameters of a request, bound by name by Stapler
 * ({@code StaplerRequest2#bindParameters}); other parameters (the REST API's {@code tree}, {@code depth}, …) are left
 * alone. Each stays {@code null} when absent.
 */
public final class OverviewParameters {

    private String folder;
    private String label;
    private String stage;
    private String severity;
    private String verdict;
    private String sort;
    private String order;

    public void setFolder(String folder) {
        this.folder = folder;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public void setVerdict(String verdict) {
        this.verdict = verdict;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public void setOrder(String order) {
        this.order = order;
    }

    String folder() {
        return folder;
    }

    String label() {
        return label;
    }

    String stage() {
        return stage;
    }

    String severity() {
        return severity;
    }

    String verdict() {
        return verdict;
    }

    String sort() {
        return sort;
    }

    String order() {
        return order;
    }
}
