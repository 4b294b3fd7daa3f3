package io.jenkins.plugins.devsecops.dast.checks;

import io.jenkins.plugins.devsecops.dast.http.DastResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SQL injection, error-based (a database error the baseline does not show, also LDAP and XPath errors from the same
 * payloads) and boolean-based: a condition that is true must give the baseline page and one that is false a
 * different page, by more than the page varies between two identical requests (measured first), twice over. No
 * {@code OR} payload (it could widen an UPDATE or DELETE) and no time-based payload is sent.
 */
final class SqlInjectionCheck {

    private static final List<String> ERROR_PAYLOADS = List.of("'", "\"", "')", "*)(|(objectClass=*", "']\"");
    private static final double MARGIN = 0.10;

    private final FindingCollector findings;

    SqlInjectionCheck(FindingCollector findings) {
        this.findings = findings;
    }

    void errors(Probe probe) throws InterruptedException {
        String base = probe.baseline().body();
        boolean[] found = new boolean[ErrorSignatures.values().length];
        for (String suffix : ERROR_PAYLOADS) {
            Optional<DastResponse> response = probe.send(probe.param().value() + suffix);
            if (response.isEmpty()) {
                continue;
            }
            String body = response.get().body();
            for (ErrorSignatures signatures : ErrorSignatures.values()) {
                if (found[signatures.ordinal()] || signatures.find(base).isPresent()) {
                    continue;
                }
                Optional<int[]> match = signatures.find(body);
                if (match.isPresent()) {
                    found[signatures.ordinal()] = true;
                    findings.report(signatures.rule(), probe.uri()).request(probe.lastRequest())
                            .parameter(probe.param().name())
                            .evidence(Evidence.around(body, match.get()[0], match.get()[1], findings.redactor()))
                            .message("Appending " + suffix + " to parameter " + probe.param().name()
                                    + " makes the response show a " + signatures.name().toLowerCase(Locale.ROOT)
                                    + " error that the unchanged request does not")
                            .property("payload", suffix).add();
                }
            }
        }
    }

    void booleans(Probe probe) throws InterruptedException {
        if (findings.has(DastRule.SQLI_ERROR, probe.uri(), probe.param().name())) {
            return;
        }
        String value = probe.param().value();
        Optional<DastResponse> again = probe.send(value);
        if (again.isEmpty()) {
            return;
        }
        DastResponse base = probe.baseline();
        double noise = ResponseSimilarity.of(base.body(), again.get().body(), List.of(value));
        if (noise < 0.9) {
            return; // the page changes too much by itself to tell a condition's effect
        }
        String[][] pairs = {
            {value + "' AND '7'='7", value + "' AND '7'='8"},
            {value + " AND 7=7", value + " AND 7=8"},
            {value + "' AND 7=7-- -", value + "' AND 7=8-- -"},
            {value + "\" AND \"7\"=\"7", value + "\" AND \"7\"=\"8"},
            {value + "') AND ('7'='7", value + "') AND ('7'='8"},
        };
        for (String[] pair : pairs) {
            Optional<DastResponse> yes = probe.send(pair[0]);
            if (yes.isEmpty() || yes.get().status() != base.status()) {
                continue;
            }
            List<String> echoes = List.of(pair[0], pair[1], value);
            double yesToBase = ResponseSimilarity.of(base.body(), yes.get().body(), echoes);
            if (yesToBase < noise - 0.02) {
                continue;
            }
            String yesRequest = Evidence.request(probe.lastRequest(), findings.redactor());
            Optional<DastResponse> no = probe.send(pair[1]);
            if (no.isEmpty()) {
                continue;
            }
            double noToBase = ResponseSimilarity.of(base.body(), no.get().body(), echoes);
            double noToYes = ResponseSimilarity.of(yes.get().body(), no.get().body(), echoes);
            if (noToBase > noise - MARGIN || noToYes > noise - MARGIN) {
                continue;
            }
            Optional<DastResponse> yes2 = probe.send(pair[0]);
            Optional<DastResponse> no2 = probe.send(pair[1]);
            if (yes2.isEmpty() || no2.isEmpty()) {
                continue;
            }
            double repeatYes = ResponseSimilarity.of(yes.get().body(), yes2.get().body(), echoes);
            double repeatNo = ResponseSimilarity.of(no.get().body(), no2.get().body(), echoes);
            double repeatApart = ResponseSimilarity.of(yes2.get().body(), no2.get().body(), echoes);
            if (repeatYes >= noise - 0.02 && repeatNo >= noise - 0.02 && repeatApart <= noise - MARGIN) {
                findings.report(DastRule.SQLI_BOOLEAN, probe.uri()).request(probe.lastRequest())
                        .parameter(probe.param().name())
                        .evidence(String.format(Locale.ROOT, "true condition ~ baseline %.2f, false condition ~ baseline "
                                + "%.2f, page noise %.2f (word-set similarity, repeated twice)", yesToBase, noToBase, noise))
                        .message("Parameter " + probe.param().name() + " changes the page with an SQL condition: "
                                + pair[0] + " gives the normal page, " + pair[1] + " another")
                        .property("payload", pair[0] + " / " + pair[1]).property("trueRequest", yesRequest).add();
                return;
            }
        }
    }
}
