package io.jenkins.plugins.devsecops.sast;

import io.jenkins.plugins.devsecops.scan.Stage;
import io.jenkins.plugins.devsecops.scan.StageContext;
import io.jenkins.plugins.devsecops.scan.StageScanner;
import java.io.IOException;
import java.util.Set;

/**
 * The {@code sast} stage: a taint and constant analysis of Java sources (injection, XSS, path traversal, trust
 * boundary, weak crypto and randomness, insecure cookies) plus syntax rules (trust-all TLS, XXE, deserialisation,
 * CSRF disabled, hard-coded keys). No build and no class path are needed.
 */
public final class SastStage implements Stage {

    /** The stage id. */
    public static final String ID = "sast";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Static analysis of Java sources: taint flows (SQL, command, LDAP, XPath injection, XSS, path "
                + "traversal, ...) and insecure crypto, TLS, XML and deserialisation";
    }

    @Override
    public Set<String> options() {
        return Set.of("timeBudget", "localSources");
    }

    @Override
    public StageScanner open(StageContext context) throws IOException {
        long seconds = context.option("timeBudget").map(SastStage::seconds).orElse(600L);
        boolean localSources = context.option("localSources").map(Boolean::parseBoolean).orElse(true);
        return new SastScanner(context.root(), seconds, localSources, context.request().threads());
    }

    private static long seconds(String value) {
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed <= 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sast.timeBudget must be a positive number of seconds, not '" + value
                    + "'");
        }
    }
}
