package io.jenkins.plugins.devsecops.dast.checks;

import io.jenkins.plugins.devsecops.dast.crawl.HtmlPage;
import io.jenkins.plugins.devsecops.dast.http.DastResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reflected XSS with context-aware canaries: a harmless marker first (is the value reflected at all?), then
 * payloads that break out of each context — HTML text, double- and single-quoted attributes, script blocks, comments,
 * RCDATA elements, URL attributes and JavaScript strings. A finding needs the response parsed as HTML to contain what
 * the payload creates (an element or attribute named by the canary, a {@code javascript:} URL, a statement outside a
 * string); a substring match is never enough.
 */
final class XssCheck {

    private final FindingCollector findings;

    XssCheck(FindingCollector findings) {
        this.findings = findings;
    }

    void run(Probe probe, String canary) throws InterruptedException {
        String marker = canary + "x";
        Optional<DastResponse> reflected = probe.send(probe.param().value() + marker);
        if (reflected.isEmpty() || !reflected.get().body().contains(marker) || !reflected.get().isHtml()) {
            return;
        }
        String tag = canary.toLowerCase(Locale.ROOT);
        List<String[]> payloads = List.of(
                new String[] {"<" + tag + ">", "element"},
                new String[] {"\"><" + tag + ">", "element"},
                new String[] {"'><" + tag + ">", "element"},
                new String[] {"\" " + tag + "=1 x=\"", "attribute"},
                new String[] {"' " + tag + "=1 x='", "attribute"},
                new String[] {" " + tag + "=1 ", "attribute"},
                new String[] {"</script><" + tag + ">", "element"},
                new String[] {"--></textarea></title></style></noscript><" + tag + ">", "element"},
                new String[] {"javascript:" + tag + "()", "url"},
                new String[] {"';" + tag + "=1;//", "script"},
                new String[] {"\";" + tag + "=1;//", "script"});
        for (String[] payload : payloads) {
            Optional<DastResponse> response = probe.send(payload[0]);
            if (response.isEmpty() || !response.get().isHtml()) {
                continue;
            }
            Optional<String> proof = confirmed(response.get(), tag, payload[1]);
            if (proof.isPresent()) {
                findings.report(DastRule.XSS_REFLECTED, probe.uri()).request(probe.lastRequest())
                        .parameter(probe.param().name()).evidence(proof.get())
                        .message("The value of parameter " + probe.param().name() + " is written into the page "
                                + "unencoded: the payload " + payload[0] + " created " + payload[1] + " markup")
                        .property("payload", payload[0]).add();
                return;
            }
        }
    }

    /** What the parsed response shows the payload created, or empty. */
    static Optional<String> confirmed(DastResponse response, String tag, String kind) {
        Document document = HtmlPage.parse(response.uri(), response.body()).document();
        switch (kind) {
            case "element" -> {
                Element element = document.getElementsByTag(tag).first();
                return element == null ? Optional.empty() : Optional.of(element.outerHtml());
            }
            case "attribute" -> {
                for (Element element : document.getAllElements()) {
                    if (element.hasAttr(tag)) {
                        return Optional.of("<" + element.tagName() + " " + tag + "=...>");
                    }
                }
                return Optional.empty();
            }
            case "url" -> {
                for (Element element : document.getAllElements()) {
                    for (Attribute attribute : element.attributes()) {
                        String name = attribute.getKey().toLowerCase(Locale.ROOT);
                        if ((name.equals("href") || name.equals("src") || name.equals("action") || name.equals("formaction"))
                                && attribute.getValue().strip().toLowerCase(Locale.ROOT).startsWith("javascript:" + tag)) {
                            return Optional.of("<" + element.tagName() + " " + name + "=\"" + attribute.getValue() + "\">");
                        }
                    }
                }
                return Optional.empty();
            }
            case "script" -> {
                for (Element script : document.getElementsByTag("script")) {
                    String code = script.data();
                    int at = code.indexOf(tag + "=1;");
                    if (at >= 0 && outsideString(code, at)) {
                        return Optional.of(code.substring(Math.max(0, at - 40), Math.min(code.length(), at + 20)));
                    }
                }
                return Optional.empty();
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }

    /** Whether {@code position} of a script lies outside any string literal and comment. */
    static boolean outsideString(String code, int position) {
        char quote = 0;
        boolean lineComment = false;
        boolean blockComment = false;
        for (int i = 0; i < position; i++) {
            char c = code.charAt(i);
            if (lineComment) {
                lineComment = c != '\n';
            } else if (blockComment) {
                if (c == '*' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
                    blockComment = false;
                    i++;
                }
            } else if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
                lineComment = true;
            } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '*') {
                blockComment = true;
            }
        }
        return quote == 0 && !lineComment && !blockComment;
    }
}
