package io.jenkins.plugins.devsecops.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OWASP ZAP traditional JSON report. One finding per alert per site. Severity by {@code riskcode}: 3 → HIGH,
 * 2 → MEDIUM, 1 → LOW, 0 → INFO. Confidence 0 (false positive) alerts are dropped; 1 → LOW, 2 → MEDIUM,
 * 3 and 4 → HIGH. HTML in descriptions is reduced to text; the request evidence and attack strings are not
 * copied. Web findings have no file location: the URL is kept as a property.
 */
final class ZapParser implements ReportParser {

    private static final String ALERT = "/site/*/alerts/*";
    private static final String SITE_NAME = "/site/*/@name";
    /** Older ZAP versions write a single site as an object, not an array. */
    private static final String SINGLE_SITE_ALERT = "/site/alerts/*";
    private static final String SINGLE_SITE_NAME = "/site/@name";
    private static final Set<String> TOP = Set.of("/@version", "/@programName");
    private static final Map<String, Severity> RISKS = Map.of("3", Severity.HIGH, "2", Severity.MEDIUM,
            "1", Severity.LOW, "0", Severity.INFO);

    @Override
    public String format() {
        return "zap";
    }

    @Override
    public String displayName() {
        return "OWASP ZAP JSON";
    }

    @Override
    public boolean recognizes(String head) {
        return head.contains("\"@programName\"") || head.contains("\"site\"") && head.contains("\"riskcode\"");
    }

    private record Pending(Finding.Builder builder, int site, String firstUri) {
    }

    @Override
    public void parse(InputStream in, ImportContext context) throws IOException {
        List<Pending> pending = new ArrayList<>();
        Map<Integer, String> sites = new HashMap<>();
        Map<String, String> top = new HashMap<>();
        Set<String> patterns = new java.util.HashSet<>(TOP);
        patterns.add(ALERT);
        patterns.add(SITE_NAME);
        patterns.add(SINGLE_SITE_ALERT);
        patterns.add(SINGLE_SITE_NAME);
        new JsonRecordReader(patterns, context).read(in, (path, indexes, value) -> {
            switch (path) {
                case ALERT -> {
                    Pending alert = alert(value, indexes.get(0), context);
                    if (alert != null) {
                        pending.add(alert);
                    }
                }
                case SINGLE_SITE_ALERT -> {
                    Pending alert = alert(value, 0, context);
                    if (alert != null) {
                        pending.add(alert);
                    }
                }
                case SITE_NAME -> sites.put(indexes.get(0), JsonFields.text(value));
                case SINGLE_SITE_NAME -> sites.put(0, JsonFields.text(value));
                default -> top.put(path, JsonFields.text(value));
            }
        });
        if (!top.containsKey("/@programName") && pending.isEmpty()) {
            throw new IOException("Not a ZAP JSON report: no @programName and no alerts");
        }
        ToolInfo tool = new ToolInfo(top.get("/@programName") == null ? "ZAP" : "OWASP " + PlainText.clip(top.get("/@programName"), 50),
                top.get("/@version"));
        for (Pending alert : pending) {
            String site = sites.get(alert.site());
            Finding.Builder builder = alert.builder().tool(tool).property("site", PlainText.clip(site, 300))
                    .property("url", PlainText.clip(alert.firstUri() == null ? site : alert.firstUri(), 500));
            String rule = builder.build().ruleId();
            builder.fingerprint(ImportContext.toolFingerprint("ZAP", rule, site + "\u0000" + alert.firstUri()));
            context.add(builder);
        }
    }

    private static Pending alert(JsonNode alert, int site, ImportContext context) {
        String confidence = JsonFields.text(alert, "confidence");
        if ("0".equals(confidence)) {
            return null;
        }
        String plugin = JsonFields.text(alert, "pluginid");
        String rule = firstNonNull(JsonFields.text(alert, "alertRef"), plugin);
        String name = firstNonNull(JsonFields.text(alert, "alert"), JsonFields.text(alert, "name"));
        String risk = JsonFields.text(alert, "riskcode");
        if (rule == null || name == null) {
            context.skip("a ZAP alert without pluginid or name");
            return null;
        }
        Finding.Builder builder = context.finding(null, FindingKind.WEB)
                .ruleId("zap-" + PlainText.clip(rule, 50))
                .title(PlainText.clip(name, PlainText.TITLE_LIMIT))
                .message(PlainText.fromHtml(JsonFields.text(alert, "desc"), PlainText.TEXT_LIMIT))
                .remediation(PlainText.fromHtml(JsonFields.text(alert, "solution"), PlainText.TEXT_LIMIT))
                .severity(risk == null ? Severity.INFO : RISKS.getOrDefault(risk.trim(), Severity.INFO))
                .confidence(switch (confidence == null ? "2" : confidence.trim()) {
                    case "1" -> Confidence.LOW;
                    case "2" -> Confidence.MEDIUM;
                    default -> Confidence.HIGH;
                })
                .property("instances", JsonFields.text(alert, "count"));
        String cwe = JsonFields.text(alert, "cweid");
        if (cwe != null && !cwe.startsWith("-") && !cwe.equals("0")) {
            builder.cwe(SecurityIds.cwe(cwe));
        }
        String wasc = JsonFields.text(alert, "wascid");
        if (wasc != null && !wasc.startsWith("-") && !wasc.equals("0")) {
            builder.property("wasc", "WASC-" + PlainText.clip(wasc, 10));
        }
        String firstUri = null;
        JsonNode instances = alert.get("instances");
        if (instances != null && instances.isArray() && !instances.isEmpty()) {
            JsonNode first = instances.get(0);
            firstUri = JsonFields.text(first, "uri");
            builder.property("method", PlainText.clip(JsonFields.text(first, "method"), 20))
                    .property("param", PlainText.clip(JsonFields.text(first, "param"), 200));
        }
        return new Pending(builder, site, PlainText.clip(firstUri, 500));
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
