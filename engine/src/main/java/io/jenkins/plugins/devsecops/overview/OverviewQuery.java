package io.jenkins.plugins.devsecops.overview;

import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the overview shows: filters and order, parsed from a query string. A value that does not parse is dropped
 * with an error the page shows (the rest of the query still applies); nothing is silently ignored.
 *
 * @param folder only jobs in this folder or below it (full name), empty for all
 * @param label only jobs with this label, empty for all
 * @param stage only scans whose newest build ran this stage, empty for all
 * @param severity only rows with an active finding of this severity or worse, {@code null} for all
 * @param verdict only rows with this verdict, {@code null} for all
 * @param sort the order
 * @param ascending {@code true} to reverse the order's natural (most urgent first) direction
 * @param errors what could not be parsed, one message per parameter
 */
public record OverviewQuery(String folder, String label, String stage, Severity severity, PolicyVerdict verdict,
        OverviewSort sort, boolean ascending, List<String> errors) {

    /** The longest folder, label or stage accepted. */
    public static final int MAX_TEXT = 1000;

    public OverviewQuery {
        folder = trimSlashes(folder);
        label = label == null ? "" : label.trim();
        stage = stage == null ? "" : stage.trim();
        sort = sort == null ? OverviewSort.RISK : sort;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Every row, most urgent first. */
    public static OverviewQuery all() {
        return new OverviewQuery("", "", "", null, null, OverviewSort.RISK, false, List.of());
    }

    /**
     * Parses the query parameters of the page and the REST API, as a request must: each may be {@code null} or
     * blank (no filter, default order).
     *
     * @throws InvalidOverviewQueryException naming every parameter that does not parse and what it accepts
     */
    public static OverviewQuery require(String folder, String label, String stage, String severity, String verdict,
            String sort, String order) {
        OverviewQuery query = parse(folder, label, stage, severity, verdict, sort, order);
        if (!query.errors().isEmpty()) {
            throw new InvalidOverviewQueryException(query.errors());
        }
        return query;
    }

    /** The names of the parameters {@link #requireQueryString} reads; any other is left to the caller. */
    public static final List<String> PARAMETERS = List.of("folder", "label", "stage", "severity", "verdict", "sort",
            "order");

    /**
     * Parses the query string of a request URI ({@code …?folder=team&sort=name}, form-encoded) as
     * {@link #require} does: the first value of each of {@link #PARAMETERS}; other parameters (a REST API's
     * {@code tree}, {@code depth}, …) are ignored. Without a query string: every row, most urgent first.
     *
     * @throws InvalidOverviewQueryException naming every parameter that does not parse, or a malformed encoding
     */
    public static OverviewQuery requireQueryString(String uri) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        int question = uri == null ? -1 : uri.indexOf('?');
        if (question >= 0) {
            String query = uri.substring(question + 1);
            int hash = query.indexOf('#');
            for (String pair : (hash >= 0 ? query.substring(0, hash) : query).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                try {
                    String name = java.net.URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals),
                            java.nio.charset.StandardCharsets.UTF_8);
                    if (PARAMETERS.contains(name) && !values.containsKey(name)) {
                        values.put(name, equals < 0 ? "" : java.net.URLDecoder.decode(pair.substring(equals + 1),
                                java.nio.charset.StandardCharsets.UTF_8));
                    }
                } catch (IllegalArgumentException e) {
                    throw new InvalidOverviewQueryException(List.of("Malformed query string: " + e.getMessage()));
                }
            }
        }
        return require(values.get("folder"), values.get("label"), values.get("stage"), values.get("severity"),
                values.get("verdict"), values.get("sort"), values.get("order"));
    }

    /**
     * Parses the query parameters leniently: each may be {@code null} or blank (no filter, default order); a value
     * that does not parse is left out and named in {@link #errors()}.
     */
    public static OverviewQuery parse(String folder, String label, String stage, String severity, String verdict,
            String sort, String order) {
        List<String> errors = new ArrayList<>();
        folder = checkedText("folder", folder, errors);
        label = checkedText("label", label, errors);
        stage = checkedText("stage", stage, errors);
        if (!stage.isEmpty() && !stage.matches("[A-Za-z0-9._-]{1,64}")) {
            errors.add("Invalid stage '" + stage + "': a stage id is letters, digits, '.', '_' or '-'");
            stage = "";
        }
        Severity minimum = null;
        if (severity != null && !severity.isBlank()) {
            try {
                minimum = Severity.parse(severity);
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        PolicyVerdict wanted = null;
        if (verdict != null && !verdict.isBlank()) {
            try {
                wanted = PolicyVerdict.valueOf(verdict.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("Unknown verdict '" + verdict + "': use PASSED, UNSTABLE or FAILED");
            }
        }
        OverviewSort by = OverviewSort.RISK;
        if (sort != null && !sort.isBlank()) {
            try {
                by = OverviewSort.parse(sort);
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        boolean ascending = false;
        if (order != null && !order.isBlank()) {
            switch (order.trim().toLowerCase(Locale.ROOT)) {
                case "asc" -> ascending = true;
                case "desc" -> ascending = false;
                default -> errors.add("Unknown order '" + order + "': use asc or desc");
            }
        }
        return new OverviewQuery(folder, label, stage, minimum, wanted, by, ascending, errors);
    }

    /** Whether {@code row} passes every filter. */
    public boolean matches(OverviewRow row) {
        if (!folder.isEmpty() && !(row.folder().equals(folder) || row.folder().startsWith(folder + "/"))) {
            return false;
        }
        if (!label.isEmpty() && !row.labels().contains(label)) {
            return false;
        }
        if (!stage.isEmpty() && !row.stages().contains(stage)) {
            return false;
        }
        if (severity != null && row.openAtLeast(severity) == 0) {
            return false;
        }
        return verdict == null || row.verdict() == verdict;
    }

    /** Whether any filter is set. */
    public boolean filtered() {
        return !folder.isEmpty() || !label.isEmpty() || !stage.isEmpty() || severity != null || verdict != null;
    }

    /** The parameter trimmed, or empty (with an error) when it is too long or holds control characters. */
    private static String checkedText(String name, String value, List<String> errors) {
        String text = value == null ? "" : value.trim();
        if (text.length() > MAX_TEXT) {
            errors.add("Parameter " + name + " is longer than " + MAX_TEXT + " characters");
            return "";
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            errors.add("Parameter " + name + " holds control characters");
            return "";
        }
        return text;
    }

    private static String trimSlashes(String text) {
        String value = text == null ? "" : text.trim();
        while (value.startsWith("/")) {
            value = value.substring(1);
        }
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }
}
