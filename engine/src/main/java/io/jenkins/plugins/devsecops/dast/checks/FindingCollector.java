package io.jenkins.plugins.devsecops.dast.checks;

import io.jenkins.plugins.devsecops.dast.http.DastRequest;
import io.jenkins.plugins.devsecops.dast.http.Redactor;
import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Severity;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the stage's findings and keeps one per fingerprint — (rule, normalised URL path, parameter) — counting the
 * further instances. The path is normalised so that a redeploy under another host or port, or another record id
 * in the path, is the same finding: host and query left out, numeric and UUID segments replaced by {@code {id}}.
 */
public final class FindingCollector {

    /** The stage id. */
    public static final String STAGE = "dast";

    private static final Pattern ID_SEGMENT = Pattern.compile(
            "^(\\d+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{24,})$");

    private final Redactor redactor;
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final Map<String, Integer> instances = new LinkedHashMap<>();

    public FindingCollector(Redactor redactor) {
        this.redactor = redactor;
    }

    /** The redactor findings are masked with. */
    public Redactor redactor() {
        return redactor;
    }

    /** Starts a finding of {@code rule} at {@code uri}; call {@link Report#add()} to keep it. */
    public Report report(DastRule rule, URI uri) {
        return new Report(rule, uri);
    }

    /** Whether a finding of this rule at this path and parameter is already kept. */
    public synchronized boolean has(DastRule rule, URI uri, String parameter) {
        return findings.containsKey(fingerprint(rule.id(), uri, parameter));
    }

    /** The kept findings, with their instance counts. */
    public synchronized List<Finding> findings() {
        List<Finding> result = new ArrayList<>();
        findings.forEach((key, finding) -> {
            int count = instances.getOrDefault(key, 1);
            result.add(count > 1 ? finding.toBuilder().property("instances", String.valueOf(count)).build() : finding);
        });
        return result;
    }

    private synchronized void keep(String key, Finding finding) {
        if (findings.putIfAbsent(key, finding) != null) {
            instances.merge(key, 1, Integer::sum);
        } else {
            instances.put(key, 1);
        }
    }

    /** The fingerprint of (rule, normalised path, parameter). */
    public static String fingerprint(String ruleId, URI uri, String parameter) {
        String key = "dast\u0000" + ruleId + "\u0000" + normalisedPath(uri) + "\u0000" + (parameter == null ? "" : parameter);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The URL's path with id-like segments replaced by {@code {id}} and without a trailing slash. */
    public static String normalisedPath(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder result = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            result.append('/').append(ID_SEGMENT.matcher(segment).matches() ? "{id}" : segment);
        }
        return result.length() == 0 ? "/" : result.toString();
    }

    /** One finding being described. */
    public final class Report {
        private final DastRule rule;
        private final URI uri;
        private String method = "GET";
        private String parameter = "";
        private String evidence;
        private String message;
        private DastRequest request;
        private Severity severity;
        private Confidence confidence = Confidence.HIGH;
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Report(DastRule rule, URI uri) {
            this.rule = rule;
            this.uri = uri;
            this.severity = rule.severity();
        }

        public Report method(String value) {
            method = value;
            return this;
        }

        public Report parameter(String value) {
            parameter = value == null ? "" : value;
            return this;
        }

        /** The evidence, already cut to a snippet; redacted here. */
        public Report evidence(String value) {
            evidence = value;
            return this;
        }

        public Report message(String value) {
            message = value;
            return this;
        }

        public Report request(DastRequest value) {
            request = value;
            method = value.method();
            return this;
        }

        public Report severity(Severity value) {
            severity = value;
            return this;
        }

        public Report confidence(Confidence value) {
            confidence = value;
            return this;
        }

        public Report property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** Keeps the finding, or counts one more instance of the one already kept. */
        public void add() {
            String url = redactor.redact(Urlish.withoutQuery(uri));
            Finding.Builder builder = Finding.builder().ruleId(rule.id()).stage(STAGE).severity(severity)
                    .title(rule.title()).cwe(rule.cwe()).remediation(rule.remediation()).confidence(confidence)
                    .message(redactor.redact(message == null ? rule.title() + " at " + method + " " + url
                            + (parameter.isEmpty() ? "" : " (parameter " + parameter + ")") : message))
                    .location(new Location(url, 0, 0, 0, 0, evidence == null ? null : Evidence.clip(evidence, redactor)))
                    .property("url", redactor.redact(uri.toString())).property("method", method)
                    .fingerprint(fingerprint(rule.id(), uri, parameter));
            if (!parameter.isEmpty()) {
                builder.property("parameter", redactor.redact(parameter));
            }
            if (evidence != null) {
                builder.property("evidence", Evidence.clip(evidence, redactor));
            }
            if (request != null) {
                builder.property("request", Evidence.request(request, redactor));
            }
            properties.forEach((k, v) -> builder.property(k, redactor.redact(v)));
            keep(fingerprint(rule.id(), uri, parameter), builder.build());
        }
    }

    /** URL text helpers. */
    private static final class Urlish {
        static String withoutQuery(URI uri) {
            String text = uri.toString();
            int question = text.indexOf('?');
            return question < 0 ? text : text.substring(0, question);
        }
    }
}
