package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;

/**
 * The rule {@code pgpass-password}: the password field of a PostgreSQL password file ({@code .pgpass},
 * {@code pgpass.conf}), whose lines are {@code hostname:port:database:username:password} with no key to search for.
 * It applies to those files only, and runs over the whole (small) file.
 */
final class PgpassRule {

    static final String ID = "pgpass-password";

    private PgpassRule() {
    }

    static SecretRule rule() {
        return SecretRule.builder(ID)
                .title("Password in a PostgreSQL password file (.pgpass)")
                .provider("Database")
                .severity(Severity.HIGH)
                .confidence(Confidence.HIGH)
                // Its lines have no literal to search for: a rule without keywords runs over the whole file, and its
                // file scope keeps it to password files (a colon keyword would cost a hit on every colon of a tree).
                .pattern(new JdkSecretPattern(
                        "(?m)^[^:#\\s][^:\\s]{0,253}:(?:[0-9]{1,5}|\\*):[^:\\s]{1,63}:[^:\\s]{1,63}:([^\\s]{1,128})[ \\t]*\\r?$", 1))
                .files(List.of(".pgpass", "pgpass.conf", "*.pgpass"))
                .check(CredentialChecks::password)
                .remediation("Revoke and rotate the database password (ALTER ROLE ... PASSWORD), keep the password file"
                        + " in the user's home directory with mode 0600, and never commit it.")
                .references(List.of("https://www.postgresql.org/docs/current/libpq-pgpass.html"))
                .examples(List.of("db.corp.internal:5432:orders:app:Pg7#pass2Lq"))
                .counterExamples(List.of("# hostname:port:database:username:password"))
                .build();
    }
}
