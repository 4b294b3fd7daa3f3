package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rule {@code credential-call-argument}: a password passed by position to a call whose signature says where the
 * password goes, with the user name before it as a literal too: {@code DriverManager.getConnection(url, "app",
 * "pw")}, {@code mysqli_connect("db", "app", "pw")}, {@code new PDO(dsn, "app", "pw")}, {@code
 * setBasicAuth("app", "pw")}, {@code auth=("app", "pw")}, {@code smtp.login("me", "pw")}, {@code new
 * NetworkCredential("app", "pw")}, {@code new UsernamePasswordCredentials("app", "pw")}, and the signing secret of
 * {@code jwt.sign(payload, "secret")}. No key names the value, so the call's name and both literals are the context.
 * Defined in code because an argument list needs a small parser. Immutable and thread-safe.
 */
final class CallArgumentRule {

    static final String ID = "credential-call-argument";

    /**
     * Per call keyword (lower case, up to its opening parenthesis): the index of the password argument. An index
     * above 0 requires the argument before it (the user name) to be a string literal as well; the JWT calls take
     * a payload there, so their index is given negative: the secret alone must be a literal.
     */
    static final Map<String, Integer> CALLS = Map.ofEntries(
            Map.entry("getconnection(", 2), Map.entry("mysqli_connect(", 2), Map.entry("mysql_connect(", 2),
            Map.entry("mysqli(", 2), Map.entry("pdo(", 2), Map.entry("pymysql.connect(", 2),
            Map.entry("mysqldb.connect(", 2), Map.entry("basicauth(", 1), Map.entry("auth=(", 1),
            Map.entry("auth = (", 1), Map.entry(".login(", 1), Map.entry("usernamepasswordcredentials(", 1),
            Map.entry("passwordauthentication(", 1), Map.entry("networkcredential(", 1),
            Map.entry("basicauthenticationinterceptor(", 1), Map.entry("basiccredentials(", 1),
            Map.entry("basicauthheader(", 1), Map.entry("jwt.sign(", -1), Map.entry("jwt.encode(", -1));

    private CallArgumentRule() {
    }

    static SecretRule rule() {
        return SecretRule.builder(ID)
                .title("Password passed by position to a login or connection call")
                .provider("Generic")
                .severity(Severity.HIGH)
                .confidence(Confidence.MEDIUM)
                .keywords(CALLS.keySet().stream().sorted().toList()) // Map.ofEntries iterates in a random order
                .pattern(new Arguments())
                .anchored(true)
                .check(CredentialChecks::password)
                .remediation("Rotate the password or signing secret, and read it at run time from a secret store"
                        + " (Jenkins credentials, Vault, the cloud's secret manager) or the environment.")
                .references(List.of("https://cwe.mitre.org/data/definitions/798.html",
                        "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html"))
                .examples(List.of("Connection c = DriverManager.getConnection(\"jdbc:mysql://db/shop\", \"shop\", \"Kp9x!mW2qL\");",
                        "$conn = mysqli_connect(\"localhost\", \"shop\", \"Ph7qW2zK9x\", \"shop\");",
                        "resp = requests.get(api, auth=(\"svc-export\", \"Jx82kdLq9Zs\"))",
                        "headers.setBasicAuth(\"integration\", \"Bz6wq2Ky!m\");",
                        "server.login(\"alerts@acme-mail.com\", \"tkqp4Lw9Zn2x\")",
                        "var cred = new NetworkCredential(\"svc_ftp\", \"Nc7wq2Kz9x\");",
                        "new PasswordAuthentication(\"proxy\", \"Px4mK9qW2z\".toCharArray())",
                        "const token = jwt.sign({ sub: user.id }, 'Nf7qK2wZx9Lm4vRt');"))
                .counterExamples(List.of("DriverManager.getConnection(url, user, password);",
                        "headers.setBasicAuth(username, \"Bz6wq2Ky!m\");", "server.login(sender, app_password)",
                        "jwt.sign(payload, process.env.JWT_SECRET)", "page.login(\"admin\", \"admin\")"))
                .build();
    }

    /** Parses the arguments after the keyword's parenthesis; reports the password argument when it is a literal. */
    static final class Arguments implements SecretPattern {

        /** How far an argument list is read. */
        static final int MAX_LIST = 600;

        @Override
        public String source() {
            return "<call>(<args>, \"user\", \"password\")";
        }

        @Override
        public int groupCount() {
            return 1;
        }

        @Override
        public void findAll(CharSequence text, int from, int to, MatchConsumer consumer) {
            for (int i = from; i < to; i++) {
                if (text.charAt(i) == '(') {
                    matchAt(text, i + 1, to, consumer);
                }
            }
        }

        /** {@code from} is just after the call's opening parenthesis (the end of its keyword). */
        @Override
        public void matchAt(CharSequence text, int from, int to, MatchConsumer consumer) {
            Integer wanted = callIndex(text, from);
            if (wanted == null) {
                return;
            }
            int index = Math.abs(wanted);
            int limit = Math.min(text.length(), from + MAX_LIST);
            int i = from;
            boolean previousLiteral = false;
            for (int argument = 0; argument <= index; argument++) {
                i = skipSpace(text, i, limit);
                if (i >= limit) {
                    return;
                }
                char c = text.charAt(i);
                boolean literal = c == '"' || c == '\'';
                int valueStart = i + 1;
                int valueEnd = -1;
                if (literal) {
                    int close = i + 1;
                    while (close < limit && text.charAt(close) != c && text.charAt(close) != '\n') {
                        if (text.charAt(close) == '\\') {
                            close++;
                        }
                        close++;
                    }
                    if (close >= limit || text.charAt(close) != c) {
                        return;
                    }
                    valueEnd = close;
                    i = close + 1;
                    i = skipConversion(text, i, limit); // "pw".toCharArray(), "pw".getBytes()
                    int after = skipSpace(text, i, limit);
                    literal = after < limit && (text.charAt(after) == ',' || text.charAt(after) == ')');
                    i = after;
                }
                if (argument == index) {
                    if (literal && (wanted < 0 || previousLiteral) && valueEnd - valueStart > 0) {
                        consumer.match(from, valueEnd + 1, valueStart, valueEnd);
                    }
                    return;
                }
                i = skipArgument(text, i, limit);
                if (i >= limit || text.charAt(i) != ',') {
                    return;
                }
                i++;
                previousLiteral = literal;
            }
        }

        /** The password index of the call whose keyword ends at {@code end}, or {@code null}. */
        private static Integer callIndex(CharSequence text, int end) {
            int start = Math.max(0, end - 32);
            String before = text.subSequence(start, end).toString().toLowerCase(Locale.ROOT);
            for (Map.Entry<String, Integer> call : CALLS.entrySet()) {
                if (before.endsWith(call.getKey())) {
                    return call.getValue();
                }
            }
            return null;
        }

        private static int skipSpace(CharSequence text, int i, int limit) {
            while (i < limit && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i;
        }

        private static int skipConversion(CharSequence text, int i, int limit) {
            if (i < limit && text.charAt(i) == '.') {
                int j = i + 1;
                while (j < limit && Character.isLetter(text.charAt(j))) {
                    j++;
                }
                if (j + 1 < limit && text.charAt(j) == '(' && text.charAt(j + 1) == ')') {
                    return j + 2;
                }
            }
            return i;
        }

        /** The offset of the comma or closing parenthesis that ends the argument at {@code i}. */
        private static int skipArgument(CharSequence text, int i, int limit) {
            int depth = 0;
            while (i < limit) {
                char c = text.charAt(i);
                if (c == '"' || c == '\'' || c == '`') {
                    int close = i + 1;
                    while (close < limit && text.charAt(close) != c) {
                        close += text.charAt(close) == '\\' ? 2 : 1;
                    }
                    i = close + 1;
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    return i;
                }
                i++;
            }
            return limit;
        }

        @Override
        public String toString() {
            return source();
        }
    }
}
