package io.jenkins.plugins.devsecops.dast.checks;

import io.jenkins.plugins.devsecops.dast.crawl.Param;
import io.jenkins.plugins.devsecops.dast.http.Exchanger;
import io.jenkins.plugins.devsecops.dast.crawl.Target;
import io.jenkins.plugins.devsecops.dast.http.DastResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the safe active set against every injectable parameter of every target: reflected XSS, SQL injection
 * (error and boolean), LDAP and XPath errors, OS command injection, path traversal, open redirect, SSRF and CRLF
 * injection. Each target is first sent unchanged (the baseline); empty text fields get the value {@code 1}.
 */
public final class ActiveScanner {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private final Exchanger exchanger;
    private final XssCheck xss;
    private final SqlInjectionCheck sql;
    private final InjectionChecks injections;
    private final SecureRandom random = new SecureRandom();
    private int tested;

    public ActiveScanner(Exchanger exchanger, FindingCollector findings, CallbackListener callbacks) {
        this.exchanger = exchanger;
        this.xss = new XssCheck(findings);
        this.sql = new SqlInjectionCheck(findings);
        this.injections = new InjectionChecks(findings, callbacks);
    }

    /** Parameters tested so far. */
    public int tested() {
        return tested;
    }

    /** Tests every injectable parameter of a target. */
    public void scan(Target given) throws InterruptedException {
        Target target = withValues(given);
        List<Param> values = Probe.fresh(exchanger, target);
        Optional<DastResponse> baseline = exchanger.send(target.request(values));
        if (baseline.isEmpty()) {
            return;
        }
        for (int i = 0; i < target.params().size(); i++) {
            if (!target.params().get(i).isInjectable()) {
                continue;
            }
            tested++;
            Probe probe = new Probe(target, i, exchanger, baseline.get());
            xss.run(probe, canary("dsx"));
            sql.errors(probe);
            sql.booleans(probe);
            injections.command(probe, canary("dsc"));
            injections.traversal(probe);
            injections.redirect(probe, canary("dsr"));
            injections.ssrf(probe, canary("dss"));
            injections.crlf(probe, canary("dsh"));
        }
    }

    private static Target withValues(Target target) {
        List<Param> params = new ArrayList<>();
        for (Param param : target.params()) {
            params.add(param.value().isEmpty() && param.isInjectable() && !param.type().equals("password")
                    ? param.withValue("1") : param);
        }
        return new Target(target.method(), target.base(), params, target.source(), target.page());
    }

    private String canary(String prefix) {
        StringBuilder text = new StringBuilder(prefix);
        for (int i = 0; i < 7; i++) {
            text.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return text.toString();
    }
}
