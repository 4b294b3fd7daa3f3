package io.jenkins.plugins.devsecops.dast;

import io.jenkins.plugins.devsecops.scan.Stage;
import io.jenkins.plugins.devsecops.scan.StageContext;
import io.jenkins.plugins.devsecops.scan.StageScanner;
import java.util.Set;

/**
 * The {@code dast} stage: crawls a running web application from {@code dast.url} and checks it over HTTP — passive
 * checks at the depth of ZAP's baseline by default, a safe active set with {@code dast.mode=active}. Not run by
 * default: it needs a URL, and the CLI's {@code --dast-url} or the step's {@code dast:} parameter adds it.
 * Options: see {@link DastSettings} and {@code docs/stages/dast.md}.
 */
public final class DastStage implements Stage {

    /** The stage id. */
    public static final String ID = "dast";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Scans a running web application over HTTP (crawl, passive checks, safe active checks)";
    }

    @Override
    public boolean enabledByDefault() {
        return false;
    }

    @Override
    public Set<String> options() {
        return DastSettings.OPTIONS;
    }

    @Override
    public StageScanner open(StageContext context) {
        return new DastScanner(context, DastSettings.of(context));
    }
}
