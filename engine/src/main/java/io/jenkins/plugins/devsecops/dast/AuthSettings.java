package io.jenkins.plugins.devsecops.dast;

import io.jenkins.plugins.devsecops.scan.StageContext;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * How the DAST scan logs in. The secrets ({@code auth.password}, {@code auth.token}, {@code auth.cookie}) come from
 * Jenkins credentials or the CLI's environment variables; they are masked wherever the scan writes.
 *
 * @param type none, form, basic, bearer or cookie
 * @param loginUrl the login form's page (form)
 * @param usernameField the user name field (form; default {@code username})
 * @param passwordField the password field (form; default {@code password})
 * @param username the user name (form, basic)
 * @param password the password (form, basic)
 * @param loggedInRegex a regular expression a page shows only when logged in (form; re-login when it disappears)
 * @param token the bearer token (bearer)
 * @param cookie {@code name=value} of a session cookie (cookie)
 */
public record AuthSettings(Type type, URI loginUrl, String usernameField, String passwordField, String username,
        String password, String loggedInRegex, String token, String cookie) {

    /** The ways of logging in. */
    public enum Type { NONE, FORM, BASIC, BEARER, COOKIE }

    /** Reads {@code dast.auth.*}; the type defaults from what is given. */
    static AuthSettings of(StageContext context) {
        Optional<String> typeText = context.option("auth.type").map(t -> t.trim().toUpperCase(Locale.ROOT));
        String username = context.option("auth.username").orElse(null);
        String password = context.option("auth.password").orElse(null);
        String token = context.option("auth.token").orElse(null);
        String cookie = context.option("auth.cookie").orElse(null);
        Type type;
        if (typeText.isPresent()) {
            try {
                type = Type.valueOf(typeText.get());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("dast.auth.type must be one of none, form, basic, bearer, cookie: "
                        + typeText.get().toLowerCase(Locale.ROOT), e);
            }
        } else if (context.option("auth.loginUrl").isPresent()) {
            type = Type.FORM;
        } else if (token != null) {
            type = Type.BEARER;
        } else if (cookie != null) {
            type = Type.COOKIE;
        } else if (username != null && password != null) {
            type = Type.BASIC;
        } else {
            type = Type.NONE;
        }
        URI loginUrl = context.option("auth.loginUrl").map(u -> DastSettings.parseUrl(u, "dast.auth.loginUrl")).orElse(null);
        switch (type) {
            case FORM -> {
                require(loginUrl != null, "form login needs dast.auth.loginUrl");
                require(username != null && password != null, "form login needs a user name and a password");
            }
            case BASIC -> require(username != null && password != null, "basic authentication needs a user name and a password");
            case BEARER -> require(token != null && !token.isBlank(), "bearer authentication needs a token");
            case COOKIE -> require(cookie != null && cookie.indexOf('=') > 0, "cookie authentication needs name=value");
            default -> {
            }
        }
        String loggedIn = context.option("auth.loggedInRegex").filter(s -> !s.isBlank()).orElse(null);
        if (loggedIn != null) {
            try {
                com.google.re2j.Pattern.compile(loggedIn);
            } catch (com.google.re2j.PatternSyntaxException e) {
                throw new IllegalArgumentException("dast.auth.loggedInRegex is not a valid RE2 expression: " + e.getMessage(), e);
            }
        }
        return new AuthSettings(type, loginUrl, context.option("auth.usernameField").orElse("username"),
                context.option("auth.passwordField").orElse("password"), username, password, loggedIn, token, cookie);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("DAST authentication: " + message);
        }
    }

    @Override
    public String toString() {
        return "AuthSettings[type=" + type + ", loginUrl=" + loginUrl + "]"; // never the secrets
    }
}
