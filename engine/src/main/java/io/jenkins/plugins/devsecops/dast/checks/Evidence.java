package io.jenkins.plugins.devsecops.dast.checks;

import io.jenkins.plugins.devsecops.dast.http.DastRequest;
import io.jenkins.plugins.devsecops.dast.http.Redactor;

/** Short, redacted texts for findings: a snippet around a match and the request that showed the problem. */
public final class Evidence {

    private static final int SNIPPET_RADIUS = 80;
    private static final int MAX_BODY = 500;

    private Evidence() {
    }

    /** The text around {@code start..end} of {@code body}, on one line, redacted. */
    public static String around(String body, int start, int end, Redactor redactor) {
        int from = Math.max(0, start - SNIPPET_RADIUS);
        int to = Math.min(body.length(), Math.max(end, start) + SNIPPET_RADIUS);
        return oneLine(redactor.redact(body.substring(from, to)));
    }

    /** A text clipped and flattened to one line, redacted. */
    public static String clip(String text, Redactor redactor) {
        String redacted = redactor.redact(text);
        return oneLine(redacted.length() > 2 * SNIPPET_RADIUS ? redacted.substring(0, 2 * SNIPPET_RADIUS) + "…" : redacted);
    }

    /** The request line, the non-default headers and the body, redacted. */
    public static String request(DastRequest request, Redactor redactor) {
        StringBuilder text = new StringBuilder();
        text.append(request.method()).append(' ').append(redactor.redact(request.uri().toString()));
        request.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("user-agent") && !name.equalsIgnoreCase("accept")) {
                text.append('\n').append(name).append(": ").append(redactor.headerValue(name, value));
            }
        });
        String body = request.bodyText();
        if (!body.isEmpty()) {
            String redacted = redactor.redact(body);
            text.append("\n\n").append(redacted.length() > MAX_BODY ? redacted.substring(0, MAX_BODY) + "…" : redacted);
        }
        return text.toString();
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
    }
}
