package io.jenkins.plugins.devsecops.dast;

import com.google.re2j.Pattern;
import io.jenkins.plugins.devsecops.dast.crawl.HtmlPage;
import io.jenkins.plugins.devsecops.dast.crawl.Param;
import io.jenkins.plugins.devsecops.dast.crawl.Target;
import io.jenkins.plugins.devsecops.dast.http.CookieJar;
import io.jenkins.plugins.devsecops.dast.http.DastRequest;
import io.jenkins.plugins.devsecops.dast.http.DastResponse;
import io.jenkins.plugins.devsecops.dast.http.HttpGate;
import io.jenkins.plugins.devsecops.dast.http.Redactor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The scan's logged-in session over the {@link HttpGate}: sets basic or bearer authentication or the session cookie,
 * or logs in through the login form (its hidden fields and anti-CSRF token kept) and logs in again when a page no
 * longer shows the logged-in indicator or the site sends the scanner back to the login page.
 */
final class Session {

    private static final int MAX_RELOGINS = 50;

    private final HttpGate gate;
    private final AuthSettings auth;
    private final CookieJar cookies;
    private final Pattern loggedIn;
    private final Consumer<String> warnings;
    private final java.util.Set<String> publicPaths = new java.util.HashSet<>();
    private int relogins;
    private boolean loggedInOnce;

    Session(HttpGate gate, AuthSettings auth, CookieJar cookies, Redactor redactor, Consumer<String> warnings) {
        this.gate = gate;
        this.auth = auth;
        this.cookies = cookies;
        this.warnings = warnings;
        this.loggedIn = auth.loggedInRegex() == null ? null : Pattern.compile(auth.loggedInRegex());
        redactor.secret(auth.password());
        redactor.secret(auth.token());
        if (auth.cookie() != null) {
            redactor.secret(auth.cookie().substring(auth.cookie().indexOf('=') + 1).trim());
        }
    }

    /** Sets up authentication; for a form login, logs in. Returns whether the session is ready. */
    boolean start() throws InterruptedException {
        switch (auth.type()) {
            case BASIC -> gate.authorization("Basic " + Base64.getEncoder().encodeToString(
                    (auth.username() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8)));
            case BEARER -> gate.authorization("Bearer " + auth.token().trim());
            case COOKIE -> {
                int equals = auth.cookie().indexOf('=');
                cookies.put(auth.cookie().substring(0, equals).trim(), auth.cookie().substring(equals + 1).trim());
            }
            case FORM -> {
                return login();
            }
            default -> {
            }
        }
        return true;
    }

    /** Logs in through the form; whether the logged-in indicator (or the absence of a password field) shows success. */
    boolean login() throws InterruptedException {
        URI loginUrl = auth.loginUrl();
        Optional<DastResponse> page = gate.sendFollowing(DastRequest.get(loginUrl));
        List<Param> fields = new ArrayList<>();
        URI action = loginUrl;
        String method = "POST";
        if (page.isPresent() && page.get().isHtml()) {
            for (Target form : HtmlPage.parse(page.get().uri(), page.get().body()).forms()) {
                if (form.params().stream().anyMatch(p -> p.name().equals(auth.passwordField()))) {
                    fields.addAll(form.params());
                    action = URI.create(form.base());
                    method = form.method();
                    break;
                }
            }
        }
        if (fields.isEmpty()) {
            fields.add(new Param(auth.usernameField(), "", Param.In.FORM, "text"));
            fields.add(new Param(auth.passwordField(), "", Param.In.FORM, "password"));
        }
        List<Param> filled = new ArrayList<>();
        boolean user = false;
        for (Param field : fields) {
            if (field.name().equals(auth.usernameField())) {
                filled.add(field.withValue(auth.username()));
                user = true;
            } else if (field.name().equals(auth.passwordField())) {
                filled.add(field.withValue(auth.password()));
            } else {
                filled.add(field);
            }
        }
        if (!user) {
            filled.add(new Param(auth.usernameField(), auth.username(), fields.get(0).in(), "text"));
        }
        Target form = new Target(method, method.equals("GET") ? io.jenkins.plugins.devsecops.dast.crawl.Urls.withoutQuery(action)
                : action.toString(), filled, "login", loginUrl.toString());
        DastRequest submit = form.request();
        gate.permit(submit.method(), submit.uri());
        Optional<DastResponse> result = gate.sendFollowing(submit);
        boolean success = result.isPresent() && (loggedIn != null ? loggedIn.matcher(result.get().body()).find()
                : !result.get().body().contains("name=\"" + auth.passwordField() + "\""));
        if (success) {
            loggedInOnce = true;
        }
        return success;
    }

    /** Sends a request, following in-scope redirects, logging in again when the session was lost. */
    Optional<DastResponse> fetch(DastRequest request) throws InterruptedException {
        Optional<DastResponse> response = gate.sendFollowing(request);
        if (response.isPresent() && lostSession(response.get()) && relogins < MAX_RELOGINS
                && !publicPaths.contains(response.get().uri().getPath())) {
            relogins++;
            if (login()) {
                response = gate.sendFollowing(request);
                if (response.isPresent() && lostSession(response.get())) {
                    publicPaths.add(response.get().uri().getPath()); // shows no indicator even when logged in
                }
            } else if (relogins == 1 || relogins == MAX_RELOGINS) {
                warnings.accept("DAST: logging in again failed (after the session was lost at "
                        + pathOf(request) + ")");
            }
        }
        return response;
    }

    /** Sends one request without following redirects, logging in again when sent back to the login page. */
    Optional<DastResponse> send(DastRequest request) throws InterruptedException {
        Optional<DastResponse> response = gate.send(request);
        if (response.isPresent() && lostSession(response.get()) && relogins < MAX_RELOGINS
                && !publicPaths.contains(response.get().uri().getPath())) {
            relogins++;
            if (login()) {
                response = gate.send(request);
            }
        }
        return response;
    }

    private static String pathOf(DastRequest request) {
        return io.jenkins.plugins.devsecops.dast.crawl.Urls.withoutQuery(request.uri());
    }

    private boolean lostSession(DastResponse response) {
        if (auth.type() != AuthSettings.Type.FORM || !loggedInOnce) {
            return false;
        }
        URI login = auth.loginUrl();
        if (response.uri().getPath() != null && response.uri().getPath().equals(login.getPath())
                && !response.request().uri().getPath().equals(login.getPath())) {
            return true;
        }
        if (response.isRedirect()) {
            String location = response.header("location").orElse("");
            try {
                URI target = response.uri().resolve(location.trim());
                return login.getPath().equals(target.getPath()) && !response.uri().getPath().equals(login.getPath());
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return loggedIn != null && response.isHtml() && response.status() == 200
                && !response.uri().getPath().equals(login.getPath()) && !loggedIn.matcher(response.body()).find();
    }

    /** How many times the session was re-established. */
    int relogins() {
        return relogins;
    }
}
