package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;

/**
 * The rule {@code rails-master-key}: the key Rails encrypts {@code config/credentials.yml.enc} with, committed as
 * {@code config/master.key} or a per-environment {@code config/credentials/production.key}. The file holds 32 hex
 * digits and nothing else, so there is no keyword to search for: like {@link PgpassRule}, the rule has no keywords,
 * applies to those file names only and runs over the whole (tiny) file. The encrypted file alone is ciphertext and is
 * not reported; with the key beside it, every secret in it is readable.
 */
final class RailsMasterKeyRule {

    static final String ID = "rails-master-key";

    private RailsMasterKeyRule() {
    }

    static SecretRule rule() {
        return SecretRule.builder(ID)
                .title("Rails master key file")
                .provider("Ruby on Rails")
                .severity(Severity.CRITICAL)
                .confidence(Confidence.HIGH)
                .pattern(new JdkSecretPattern("\\A[ \\t\\r\\n]*([0-9a-f]{32})[ \\t\\r\\n]*\\z", 1))
                .files(List.of("master.key", "**/config/credentials/*.key"))
                .minEntropy(3.0)
                .remediation("Rotate: create new credentials under a new key (`bin/rails credentials:edit` after"
                        + " removing the key; re-enter every secret, since the old key decrypts every committed"
                        + " credentials.yml.enc), rotate the secrets it protected, and keep master.key out of the"
                        + " repository (Rails lists it in .gitignore) and in a secret store.")
                .references(List.of("https://guides.rubyonrails.org/security.html#custom-credentials"))
                .examples(List.of("4e1c9a7f2b8d03e65c7a9f1b3d5e7c92\n"))
                .counterExamples(List.of("00000000000000000000000000000000\n"))
                .build();
    }
}
