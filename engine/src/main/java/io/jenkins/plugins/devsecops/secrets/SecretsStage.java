package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.scan.Stage;
import io.jenkins.plugins.devsecops.scan.StageContext;
import io.jenkins.plugins.devsecops.scan.StageScanner;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code secrets} stage: hard-coded credentials in the working tree and, with {@code secrets.history=true}, in
 * the lines every commit added. Options: {@code secrets.history}, {@code secrets.since=<commit>},
 * {@code secrets.maxCommits} (default 100000). See {@code docs/stages/secrets.md}.
 */
public final class SecretsStage implements Stage {

    /** The stage id. */
    public static final String ID = SecretFindings.STAGE;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public java.util.Set<String> options() {
        // Read by SecretsScanner; documented in docs/stages/secrets.md.
        return java.util.Set.of("history", "since", "maxCommits");
    }

    @Override
    public String description() {
        return "Hard-coded secrets (API keys, tokens, private keys, passwords) in files and git history";
    }

    @Override
    public void preload() {
        // parsing and compiling the built-in rules is most of a small scan's start-up
        BuiltInSecretRules.detector();
    }

    @Override
    public StageScanner open(StageContext context) {
        List<SecretRule> builtIn = BuiltInSecretRules.rules();
        LoadedRules user = UserSecretRules.load(context.root(), builtIn);
        SecretDetector detector;
        if (user.rules().isEmpty()) {
            detector = BuiltInSecretRules.detector();
        } else {
            List<SecretRule> all = new ArrayList<>(builtIn);
            all.addAll(user.rules());
            detector = new SecretDetector(all);
        }
        return new SecretsScanner(context, detector, user);
    }
}
