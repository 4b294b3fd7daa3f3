package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rule {@code generic-secret-assignment}: a value assigned to a key named like a credential ({@code password},
 * {@code secret}, {@code token}, {@code api_key}...) in a config-like file, or in a string literal in source code.
 * Because it knows no provider format, it reports only values that look random (Shannon entropy, mixed character
 * classes) and that no stop-word marks as a placeholder, a reference or a setting about the secret rather than the
 * secret itself. Defined in code because those checks need more than a pattern.
 */
final class GenericAssignmentRule {

    static final String ID = "generic-secret-assignment";

    /** Minimum Shannon entropy of the value, bits per character. */
    static final double MIN_ENTROPY = 3.0;

    static final int MIN_LENGTH = 8;

    /** Minimum length of a value made of letters only. */
    static final int MIN_LETTERS_ONLY_LENGTH = 16;

    static final List<String> KEYWORDS = List.of("password", "passwd", "passwort", "pwd", "secret", "token",
            "api_key", "apikey", "api-key", "api.key", "access_key", "accesskey", "access-key", "auth_key", "authkey",
            "private_key", "privatekey", "private-key", "credential", "signing_key", "signingkey", "encryption_key");

    /** Config files where bare values count. */
    private static final Set<String> CONFIG_EXTENSIONS = Set.of("env", "properties", "yml", "yaml", "json", "ini",
            "conf", "cfg", "cnf", "toml", "xml", "tf", "tfvars", "hcl", "config", "sh", "bash", "zsh", "ksh", "npmrc",
            "pypirc", "netrc", "gradle", "envrc", "sbt", "plist", "secrets", "pgpass");

    /** Source files where only string literals count. */
    private static final Set<String> SOURCE_EXTENSIONS = Set.of("java", "kt", "kts", "groovy", "scala", "py", "js",
            "jsx", "mjs", "cjs", "ts", "tsx", "go", "rb", "php", "cs", "swift", "rs", "c", "h", "cpp", "hpp", "m",
            "dart", "lua", "pl", "ps1", "r", "ex", "exs", "clj", "vue", "svelte");

    /** Whole files named like configs or build scripts. */
    private static final Set<String> CONFIG_NAMES = Set.of("jenkinsfile", "dockerfile", ".env", ".npmrc", ".pypirc",
            ".netrc", "_netrc", ".git-credentials", "docker-compose.yml", ".bashrc", ".zshrc", ".profile", "makefile");

    /** Parts of key names that describe a setting about the secret, not the secret. */
    private static final List<String> KEY_STOP_WORDS = List.of("file", "path", "url", "uri", "length", "size", "type",
            "name", "field", "label", "prompt", "hint", "placeholder", "policy", "regex", "pattern", "format",
            "expir", "ttl", "timeout", "header", "param", "endpoint", "enabled", "required", "reset", "validation",
            "strength", "rule", "tokeniz", "usage", "limit", "version", "_id", "-id", ".id", "id_", "_count",
            "count_", "mode", "env_var", "envvar", "variable", "method", "provider", "manager", "location", "dir",
            "generator", "helper", "class", "link", "label", "message", "text", "title");

    /** Parts of values that mark a placeholder, a reference or prose. */
    private static final List<String> VALUE_STOP_WORDS = List.of("example", "sample", "changeme", "placeholder",
            "dummy", "xxx", "your", "redacted", "secret", "password", "passwd", "token", "todo", "fixme", "replace",
            "insert", "enter", "default", "fake", "mock", "test", "localhost", "process.env", "os.environ", "getenv",
            "env.", "vault:", "arn:aws", "secretsmanager", "credentials", "file:", "http://", "https://", "classpath:",
            "lookup", "config.", "settings.", "params.", "this.", "self.", "args.", "request.", "ssm:", "keyvault",
            "none", "null", "undefined", "true", "false");

    private static final Pattern FILE_NAME = Pattern
            .compile("\\.(pem|key|crt|cer|p12|pfx|jks|json|txt|yml|yaml|xml|properties|env|conf|sh)$");
    private static final Pattern DOTTED_NAME = Pattern.compile("[A-Za-z]+(?:[._-][A-Za-z]+)+");

    private GenericAssignmentRule() {
    }

    /** The rule. */
    static SecretRule rule() {
        return SecretRule.builder(ID)
                .title("Hard-coded secret in an assignment")
                .provider("Generic")
                .severity(Severity.MEDIUM)
                .confidence(Confidence.MEDIUM)
                .keywords(KEYWORDS)
                .pattern(new AssignmentPattern())
                .anchored(true)
                .minEntropy(MIN_ENTROPY)
                .files(List.of("*.env", ".env.*", "*.properties", "*.yml", "*.yaml", "*.json", "*.ini", "*.conf",
                        "*.cfg", "*.toml", "*.xml", "*.tf", "*.tfvars", "*.sh", "Jenkinsfile", "*.java", "*.kt", "*.groovy",
                        "*.py", "*.js", "*.ts", "*.go", "*.rb", "*.php", "*.cs"))
                .scope(GenericAssignmentRule::appliesTo)
                .check(GenericAssignmentRule::accepts)
                .remediation("Move the value to a secret store (Jenkins credentials, Vault, the cloud's secret manager)"
                        + " and read it at run time; revoke and rotate it at its issuer, since it was committed.")
                .references(List.of("https://cwe.mitre.org/data/definitions/798.html",
                        "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html"))
                .examples(List.of("DB_PASSWORD=pX7!kQ9vL2mR", "client_secret: \"q8WzR3tYp0LmN5vB\"",
                        "String apiKey = \"Zk4fT9qLw2XcV7bN\";", "<password>H7gR2kLp9QxZ</password>"))
                .counterExamples(List.of("password=changeme", "DB_PASSWORD=${DB_PASSWORD}", "token: aaaaaaaaaaaa",
                        "password_file=/run/secrets/db", "password = \"Password1\""))
                .build();
    }

    /** Config-like files, and source files (where {@link #accepts} then wants a quoted value). */
    static boolean appliesTo(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (CONFIG_NAMES.contains(name) || name.startsWith(".env") || name.startsWith("jenkinsfile")
                || name.endsWith(".env")) {
            return true;
        }
        String extension = extension(name);
        return CONFIG_EXTENSIONS.contains(extension) || SOURCE_EXTENSIONS.contains(extension);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /** The last path asked about per thread, with whether it is source code: a file has many candidates. */
    private static final ThreadLocal<Object[]> LAST_PATH = ThreadLocal.withInitial(() -> new Object[2]);

    static boolean accepts(String path, CharSequence text, int secretStart, int secretEnd) {
        boolean quoted = secretStart > 0 && (text.charAt(secretStart - 1) == '"' || text.charAt(secretStart - 1) == '\'');
        boolean xmlText = secretStart > 0 && text.charAt(secretStart - 1) == '>';
        if (!quoted && isSource(path)) {
            return false;
        }
        if (!keyAccepted(text, secretStart)) {
            return false;
        }
        if (xmlText && secretEnd < text.length() && text.charAt(secretEnd) != '<' && !Character.isWhitespace(text.charAt(secretEnd))) {
            return false;
        }
        String value = text.subSequence(secretStart, secretEnd).toString();
        return valueLooksSecret(value);
    }

    private static boolean isSource(String path) {
        Object[] last = LAST_PATH.get();
        if (last[0] != path) {
            last[0] = path;
            last[1] = isSourceName(path);
        }
        return (Boolean) last[1];
    }

    private static boolean isSourceName(String path) {
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') && SOURCE_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Finds the key before the value and rejects keys that name a setting about the secret. */
    private static boolean keyAccepted(CharSequence text, int secretStart) {
        int end = secretStart - 1;
        while (end > 0 && !Character.isLetterOrDigit(text.charAt(end - 1))) {
            end--;
            if (secretStart - end > 12) {
                break;
            }
        }
        int start = end;
        while (start > 0 && isKeyChar(text.charAt(start - 1))) {
            start--;
        }
        String key = text.subSequence(start, Math.max(start, end)).toString().toLowerCase(Locale.ROOT);
        for (String stop : KEY_STOP_WORDS) {
            if (key.contains(stop)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    /** Long enough, random enough, of mixed character classes, and free of stop-words. */
    static boolean valueLooksSecret(String value) {
        if (value.length() < MIN_LENGTH) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        for (String stop : VALUE_STOP_WORDS) {
            if (lower.contains(stop)) {
                return false;
            }
        }
        if (value.startsWith("/") || value.startsWith("./") || value.startsWith("~/") || value.startsWith("$")
                || value.startsWith("@") || value.startsWith("%") || value.startsWith("&")) {
            return false;
        }
        if (FILE_NAME.matcher(lower).find()) {
            return false;
        }
        int classes = 0;
        classes += value.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += value.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += value.chars().anyMatch(Character::isDigit) ? 1 : 0;
        if (classes < 2) {
            return false;
        }
        // Letters only (Wachtwoord, Contrasena in i18n bundles) is a word unless long enough to be a random token.
        if (value.chars().allMatch(Character::isLetter) && value.length() < MIN_LETTERS_ONLY_LENGTH) {
            return false;
        }
        // Dotted or dashed identifiers such as my.app.secret-name are names, not secrets.
        if (DOTTED_NAME.matcher(value).matches()) {
            return false;
        }
        return ShannonEntropy.of(value) >= MIN_ENTROPY;
    }
}
