package io.jenkins.plugins.devsecops.dast.crawl;

import java.util.Objects;

/**
 * One input of a {@link Target}.
 *
 * @param name the parameter's name
 * @param value its default value (from the page, the API example, or generated)
 * @param in where it goes: query, form body, JSON body or a path segment
 * @param type the HTML input type or schema type ({@code hidden}, {@code password}, {@code submit}, {@code integer}
 *     ...), empty when unknown
 */
public record Param(String name, String value, In in, String type) {

    /** Where a parameter is sent. */
    public enum In { QUERY, FORM, JSON, PATH }

    public Param {
        Objects.requireNonNull(name, "name");
        value = value == null ? "" : value;
        Objects.requireNonNull(in, "in");
        type = type == null ? "" : type;
    }

    /** This parameter with another value. */
    public Param withValue(String newValue) {
        return new Param(name, newValue, in, type);
    }

    /** Whether a scanner should leave it alone (buttons, CSRF tokens are still sent, with their own value). */
    public boolean isInjectable() {
        return !type.equals("submit") && !type.equals("button") && !type.equals("image") && !type.equals("reset")
                && !type.equals("file") && !isToken();
    }

    /** Whether it looks like an anti-CSRF token, sent as given and never changed. */
    public boolean isToken() {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return type.equals("hidden") && (lower.contains("token") || lower.contains("csrf") || lower.contains("nonce")
                || lower.contains("xsrf") || lower.equals("_authenticity"));
    }
}
