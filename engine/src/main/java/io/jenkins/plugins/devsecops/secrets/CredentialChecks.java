package io.jenkins.plugins.devsecops.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The value checks of the built-in rules that find credentials by their context (SQL, command lines, connection
 * strings, HTTP headers, PHP defines) rather than by a provider's format: the context says "this is a password", so a
 * short, human-chosen value counts, but placeholders, variables, hashes and references never do. Thread-safe.
 */
final class CredentialChecks {

    /** Keys of a connection string, one of which must be on the line of a {@code Password=}. */
    private static final Pattern CONNECTION_STRING_KEY = Pattern.compile(
            "(?i)(?:^|[;\"'\\s])(?:server|data source|host|hostname|address|addr|user id|userid|uid|user|username|"
                    + "database|initial catalog|dsn|driver|provider|port|dbname)[ \\t]{0,3}=");

    /** A libpq keyword/value connection string, its pairs separated by blanks: {@code host=db dbname=app user=app}. */
    private static final Pattern LIBPQ_KEYWORDS = Pattern.compile(
            "(?i)(?:^|[\\s\"'`])(?:dbname|host|hostaddr|user|sslmode)=[^\\s;=]{1,100}[ \\t]+[a-z_]{2,30}=");

    /** How far around a {@code Password=} the other keys of its connection string are looked for. */
    private static final int CONNECTION_STRING_REACH = 400;

    /** Password hashes written where a password is expected: MD5 and SCRAM in PostgreSQL, MySQL's *HEX. */
    private static final Pattern PASSWORD_HASH =
            Pattern.compile("(?i)md5[0-9a-f]{32}|scram-sha-256\\$.*|\\*[0-9a-f]{40}|\\$[0-9a-z]{1,3}\\$.*");

    /** Names and relative paths such as {@code orders/db} or {@code secrets/prod-db}. */
    private static final Pattern RELATIVE_PATH = Pattern.compile("[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+");

    /** The checks by built-in rule id. */
    static final Map<String, CandidateCheck> BY_RULE = Map.ofEntries(
            Map.entry("setter-call-credential", CredentialChecks::setterArgument),
            Map.entry("env-fallback-credential", CredentialChecks::credentialNamedDefault),
            Map.entry("shell-default-credential", CredentialChecks::namedDefault),
            Map.entry("sql-identified-by-password", CredentialChecks::password),
            Map.entry("sql-create-user-password", CredentialChecks::password),
            Map.entry("sql-set-password", CredentialChecks::password),
            Map.entry("mysql-cli-password", CredentialChecks::password),
            Map.entry("sshpass-password", CredentialChecks::password),
            Map.entry("docker-login-password", CredentialChecks::password),
            Map.entry("cli-basic-auth", CredentialChecks::password),
            Map.entry("php-define-password", CredentialChecks::definedValue),
            Map.entry("keytool-store-password", CredentialChecks::password),
            Map.entry("database-cli-password", CredentialChecks::password),
            Map.entry("cli-tool-password", CredentialChecks::password),
            Map.entry("smb-user-password", CredentialChecks::password),
            Map.entry("sudo-stdin-password", CredentialChecks::password),
            Map.entry("htpasswd-batch-password", CredentialChecks::password),
            Map.entry("windows-net-use-password", CredentialChecks::password),
            Map.entry("powershell-securestring-password", CredentialChecks::password),
            Map.entry("oracle-credentials", CredentialChecks::password),
            Map.entry("go-mysql-dsn-password", CredentialChecks::password),
            Map.entry("sql-password-function", CredentialChecks::password),
            Map.entry("dockerfile-env-credential", CredentialChecks::namedValue),
            Map.entry("cli-password-argument", CredentialChecks::commandLineArgument),
            Map.entry("discord-bot-token-login", CredentialChecks::discordBotToken),
            Map.entry("http-authorization-header", CredentialChecks::authorizationHeader));

    /** The connection-string rule's check, apart because the map above is full. */
    static final CandidateCheck CONNECTION_STRING = CredentialChecks::connectionString;

    private CredentialChecks() {
    }

    /** A human-chosen password in a context that says it is one. */
    static boolean password(String path, CharSequence text, int start, int end) {
        return passwordValue(text.subSequence(start, end).toString());
    }

    static boolean passwordValue(String value) {
        if (value.length() < 4 || !GenericAssignmentRule.plausible(value) || PASSWORD_HASH.matcher(value).matches()) {
            return false;
        }
        if (value.chars().allMatch(Character::isDigit) && value.length() < 6 || RELATIVE_PATH.matcher(value).matches()) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("values") || lower.equals("identified") || lower.startsWith("env:")) {
            return false;
        }
        return distinctAtLeast(value, 3);
    }

    /**
     * {@code define('DB_PASSWORD', '...')} takes a human-chosen password; WordPress's keys and salts are 64 random
     * printable characters, with the brackets, arrows and blanks that mark code in other values, so a long value of
     * high entropy counts as it is.
     */
    static boolean definedValue(String path, CharSequence text, int start, int end) {
        String value = text.subSequence(start, end).toString();
        if (value.length() >= 32 && ShannonEntropy.of(value) >= 4.5) {
            return !PlaceholderValues.isPlaceholder(value) && !PlaceholderValues.isTemplated(value);
        }
        return passwordValue(value);
    }

    private static boolean distinctAtLeast(String value, int wanted) {
        int found = 0;
        for (int i = 0; i < value.length() && found < wanted; i++) {
            if (value.indexOf(value.charAt(i)) == i) {
                found++;
            }
        }
        return found >= wanted;
    }

    /** {@code setPassword("x")}: a password setter takes a human-chosen value, a token or key setter a random one. */
    static boolean setterArgument(String path, CharSequence text, int start, int end) {
        int open = start;
        while (open > 0 && start - open < 120 && text.charAt(open - 1) != '(') {
            open--;
        }
        String call = text.subSequence(Math.max(0, open - 40), open).toString().toLowerCase(Locale.ROOT);
        String value = text.subSequence(start, end).toString();
        return call.contains("pass") || call.contains("pwd") ? passwordValue(value)
                : GenericAssignmentRule.valueLooksSecret(value);
    }

    /**
     * {@code getenv("DB_PASSWORD") ?: "x"} and {@code ${DB_PASSWORD:-x}}: the variable's name says what the default
     * is. A name about the secret ({@code SECRET_NAME}, {@code TOKEN_URL}) is no credential; a password name takes a
     * human-chosen value, any other a random one.
     */
    static boolean namedDefault(String path, CharSequence text, int start, int end) {
        int from = start;
        while (from > 0 && start - from < 200 && text.charAt(from - 1) != '(' && text.charAt(from - 1) != '{') {
            from--;
        }
        int nameEnd = from;
        while (nameEnd < start && !AssignmentPattern.isKeyChar(text.charAt(nameEnd))) {
            nameEnd++;
        }
        int nameStart = nameEnd;
        while (nameEnd < start && AssignmentPattern.isKeyChar(text.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = text.subSequence(nameStart, nameEnd).toString().toLowerCase(Locale.ROOT);
        if (!GenericAssignmentRule.keyAccepted(name)) {
            return false;
        }
        String value = text.subSequence(start, end).toString();
        return name.contains("pass") || name.contains("pwd") ? passwordValue(value)
                : GenericAssignmentRule.valueLooksSecret(value);
    }

    /**
     * {@code getenv("DB_PASSWORD") ?: "x"}: as {@link #namedDefault}, for a variable named like a credential ({@code
     * pass}, {@code pwd}, {@code secret}, {@code token}, {@code api_key}/{@code apikey}). Checked here rather than in
     * the rule's expression, where the search for the word inside the name backtracked at every lookup of a tree.
     */
    static boolean credentialNamedDefault(String path, CharSequence text, int start, int end) {
        int from = start;
        while (from > 0 && start - from < 200 && text.charAt(from - 1) != '(') {
            from--;
        }
        int nameEnd = from;
        while (nameEnd < start && !AssignmentPattern.isKeyChar(text.charAt(nameEnd))) {
            nameEnd++;
        }
        int nameStart = nameEnd;
        while (nameEnd < start && AssignmentPattern.isKeyChar(text.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = text.subSequence(nameStart, nameEnd).toString().toLowerCase(Locale.ROOT);
        return CREDENTIAL_NAME.matcher(name).find() && namedDefault(path, text, start, end);
    }

    /** A variable name that names a credential. */
    private static final Pattern CREDENTIAL_NAME = Pattern.compile("pass|pwd|secret|token|api_?key");

    /**
     * {@code ENV NAME value} and {@code NAME=value}: the name before the value says what it is. A name about the
     * secret ({@code DB_PASSWORD_FILE}) is no credential; a password name takes a human-chosen value, any other a
     * random one.
     */
    static boolean namedValue(String path, CharSequence text, int start, int end) {
        int nameEnd = start;
        while (nameEnd > 0 && start - nameEnd < 20 && !AssignmentPattern.isKeyChar(text.charAt(nameEnd - 1))) {
            nameEnd--;
        }
        int nameStart = AssignmentPattern.keyStart(text, nameEnd);
        String name = text.subSequence(nameStart, nameEnd).toString().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || !GenericAssignmentRule.keyAccepted(name)) {
            return false;
        }
        String value = text.subSequence(start, end).toString();
        return name.contains("pass") || name.contains("pwd") ? passwordValue(value)
                : GenericAssignmentRule.valueLooksSecret(value);
    }

    /** {@code --password x} takes a human-chosen value; {@code --token x} and {@code --api-key x} a random one. */
    static boolean commandLineArgument(String path, CharSequence text, int start, int end) {
        int flagEnd = start;
        while (flagEnd > 0 && (text.charAt(flagEnd - 1) == '\'' || text.charAt(flagEnd - 1) == '"'
                || text.charAt(flagEnd - 1) == '=' || text.charAt(flagEnd - 1) == ' ' || text.charAt(flagEnd - 1) == '\t')) {
            flagEnd--;
        }
        int flagStart = flagEnd;
        while (flagStart > 0 && flagEnd - flagStart < 80 && !Character.isWhitespace(text.charAt(flagStart - 1))) {
            flagStart--;
        }
        String flag = text.subSequence(flagStart, flagEnd).toString().toLowerCase(Locale.ROOT);
        String value = text.subSequence(start, end).toString();
        if (flag.contains("pass") || flag.contains("pwd")) {
            return passwordValue(value);
        }
        return GenericAssignmentRule.valueLooksSecret(value);
    }

    /**
     * A Discord bot token's first part is the bot's user id, a snowflake of 17 to 20 decimal digits, in base64: a
     * check that random strings of the same shape fail.
     */
    static boolean discordBotToken(String path, CharSequence text, int start, int end) {
        int dot = start;
        while (dot < end && text.charAt(dot) != '.') {
            dot++;
        }
        String id = text.subSequence(start, dot).toString();
        try {
            byte[] decoded = Base64.getUrlDecoder().decode(id);
            if (decoded.length < 17 || decoded.length > 20 || decoded[0] == '0') {
                return false;
            }
            for (byte b : decoded) {
                if (b < '0' || b > '9') {
                    return false;
                }
            }
            return ShannonEntropy.of(text, dot + 1, end) >= 3.5;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Basic credentials decode to {@code user:password}; bearer tokens look random. */
    static boolean authorizationHeader(String path, CharSequence text, int start, int end) {
        String value = text.subSequence(start, end).toString();
        int scheme = start - 1;
        while (scheme > 0 && Character.isWhitespace(text.charAt(scheme))) {
            scheme--;
        }
        boolean basic = scheme >= 4 && text.subSequence(scheme - 4, scheme + 1).toString().equalsIgnoreCase("basic");
        if (!basic) {
            return GenericAssignmentRule.valueLooksSecret(value) || value.length() >= 20
                    && GenericAssignmentRule.plausible(value) && ShannonEntropy.of(value) >= 3.5;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 && decoded.chars().allMatch(c -> c >= ' ' && c <= '~')
                    && passwordValue(decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code Password=...} counts on a line that is a connection string. */
    static boolean connectionString(String path, CharSequence text, int start, int end) {
        // The key is a whole word of the connection string: not db.password= or my_pwd=.
        int key = start;
        while (key > 0 && text.charAt(key - 1) != '=') {
            key--;
        }
        key--;
        while (key > 0 && (text.charAt(key - 1) == ' ' || text.charAt(key - 1) == '\t')) {
            key--;
        }
        while (key > 0 && Character.isLetter(text.charAt(key - 1))) {
            key--;
        }
        if (key > 0 && (Character.isLetterOrDigit(text.charAt(key - 1)) || "_.-".indexOf(text.charAt(key - 1)) >= 0)) {
            return false;
        }
        int lineStart = start;
        while (lineStart > 0 && start - lineStart < CONNECTION_STRING_REACH && text.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        int lineEnd = end;
        while (lineEnd < text.length() && lineEnd - end < CONNECTION_STRING_REACH && text.charAt(lineEnd) != '\n') {
            lineEnd++;
        }
        CharSequence line = text.subSequence(lineStart, lineEnd);
        String lineText = line.toString();
        return (lineText.indexOf(';') >= 0 || lineText.contains("=") && (lineText.contains("dbname=")
                || lineText.contains("host=") || lineText.contains("user=")) && LIBPQ_KEYWORDS.matcher(line).find())
                && CONNECTION_STRING_KEY.matcher(line).find()
                && passwordValue(text.subSequence(start, end).toString().strip());
    }
}
