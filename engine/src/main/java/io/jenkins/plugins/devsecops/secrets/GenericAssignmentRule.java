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

    /** Minimum length of a value assigned to a password-named key in config or code. */
    static final int MIN_PASSWORD_LENGTH = 6;

    /** Minimum Shannon entropy of such a password, bits per character. */
    static final double MIN_PASSWORD_ENTROPY = 2.3;

    /** Minimum length of a value made of letters only. */
    static final int MIN_LETTERS_ONLY_LENGTH = 16;

    static final List<String> KEYWORDS = List.of("pass", "pwd", "secret", "token",
            "api_key", "apikey", "api-key", "api.key", "access_key", "accesskey", "access-key", "auth_key", "authkey",
            "private_key", "privatekey", "private-key", "credential", "signing_key", "signingkey", "encryption_key");

    /** {@link #KEYWORDS} as one automaton: whether a key names a credential by more than the word key. */
    private static final KeywordAutomaton CREDENTIAL_WORDS = new KeywordAutomaton(KEYWORDS);

    /**
     * The word key alone ({@code key = "..."}, {@code license_key}, {@code appKey}): a key of many kinds, so only a
     * generated-looking value counts ({@link #looksGenerated}).
     */
    static final String KEY_WORD = "key";

    /** Names ending in key, run together, that name a credential. */
    private static final Set<String> GLUED_KEY_NAMES = Set.of("key", "appkey", "secretkey", "masterkey",
            "licensekey", "clientkey", "consumerkey", "subscriptionkey", "accountkey", "storagekey", "servicekey",
            "adminkey", "serverkey", "devkey", "prodkey", "livekey", "userkey", "sitekey", "projectkey");

    /** Words before {@code _key} that make it an identifier of data, not a credential. */
    private static final Set<String> DATA_KEY_PREFIXES = Set.of("primary", "foreign", "sort", "partition", "cache",
            "map", "row", "range", "lookup", "dict", "next", "prev", "previous", "unique", "composite", "idempotency",
            "i18n", "translation", "object", "s3", "bucket", "list", "item", "shortcut", "hot", "group", "dedup",
            "routing", "message", "event", "storage_object", "redis", "table", "column", "index", "field", "sign",
            "ssh", "gpg", "pgp", "license_file", "registry", "secondary", "natural", "surrogate", "content", "query");

    /** Config files where bare values count. */
    private static final Set<String> CONFIG_EXTENSIONS = Set.of("env", "properties", "yml", "yaml", "json", "ini",
            "conf", "cfg", "cnf", "toml", "xml", "tf", "tfvars", "hcl", "config", "sh", "bash", "zsh", "ksh", "npmrc",
            "pypirc", "netrc", "gradle", "envrc", "sbt", "plist", "secrets", "pgpass", "sql", "bat", "cmd", "ps1",
            "psm1", "service", "desktop", "reg", "tpl", "j2", "erb", "dist", "example", "sample", "local", "cf");

    /** Source files where only string literals count. */
    private static final Set<String> SOURCE_EXTENSIONS = Set.of("java", "kt", "kts", "groovy", "scala", "py", "js",
            "jsx", "mjs", "cjs", "ts", "tsx", "go", "rb", "php", "cs", "swift", "rs", "c", "h", "cpp", "hpp", "m",
            "dart", "lua", "pl", "r", "ex", "exs", "clj", "vue", "svelte", "cc", "cxx", "fs", "vb", "erl", "hs", "jl");

    /** Whole files named like configs or build scripts. */
    private static final Set<String> CONFIG_NAMES = Set.of("jenkinsfile", "dockerfile", ".env", ".npmrc", ".pypirc",
            ".netrc", "_netrc", ".git-credentials", "docker-compose.yml", ".bashrc", ".zshrc", ".profile", "makefile",
            ".my.cnf", ".pgpass", "vagrantfile", "procfile", "containerfile", ".htpasswd", "config", "credentials");

    /** Files never worth the generic rule: generated lock files, minified and map files carry hashes, not secrets. */
    private static final Set<String> SKIPPED_NAMES = Set.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock",
            "pnpm-lock.yaml", "cargo.lock", "poetry.lock", "pipfile.lock", "composer.lock", "gemfile.lock", "go.sum",
            "packages.lock.json", "gradle.lockfile", "mix.lock", "pubspec.lock", "podfile.lock", "flake.lock",
            "uv.lock", "bun.lock", "deno.lock", ".gitleaksignore", ".secrets.baseline", ".trufflehogignore");

    /** Parts of key names that describe a setting about the secret, not the secret. */
    private static final List<String> KEY_STOP_WORDS = List.of("file", "path", "url", "uri", "length", "size", "type",
            "name", "field", "label", "prompt", "hint", "placeholder", "policy", "regex", "pattern", "format",
            "expir", "ttl", "timeout", "header", "param", "endpoint", "enabled", "required", "reset", "validation",
            "strength", "rule", "tokeniz", "usage", "limit", "version", "_id", "-id", ".id", "id_", "_count",
            "count_", "mode", "env_var", "envvar", "variable", "method", "provider", "manager", "location", "dir",
            "generator", "helper", "class", "link", "label", "message", "text", "title", "sha", "hash", "checksum",
            "digest", "commit", "address", "public", "integrity", "fingerprint", "csrf", "xsrf", "authenticity", "page_token",
            "pagetoken", "next_token", "nexttoken", "cursor", "continuation", "algorithm", "_alg", "cipher",
            "encoding", "charset", "bypass", "compass", "passenger", "passage", "passthrough", "pass_through",
            "passive", "_ref", "secretref", "secret_ref", "secretkeyref", "store_type", "storetype", "min_", "max_",
            "_min", "_max", "minlen", "maxlen", "salt_rounds", "rounds", "_key_id", "keyid", "_arn", "_ssm",
            "_vault", "error", "_err", "_msg", "_desc", "description", "tooltip", "confirm", "forgot", "_old",
            "_new_", "question", "_prefix", "_suffix", "_hint", "_lbl", "_btn", "button", "_input", "_placeholder", "author", "oauth_url",
            "authority", "authoriz", "authenticat", "pass_fail", "passed", "passing", "passes", "passport", "_auth_type",
            "auth_method", "auth_mode", "auth_provider", "auth_scheme", "auth_enabled", "auth_required");

    /** {@link #KEY_STOP_WORDS} as one automaton: a key is read once, whatever the number of stop-words. */
    private static final KeywordAutomaton KEY_STOPS = new KeywordAutomaton(KEY_STOP_WORDS);

    /** Parts of values that mark a placeholder, a reference or prose. */
    private static final List<String> VALUE_STOP_WORDS = List.of("example", "sample", "changeme", "placeholder",
            "dummy", "xxx", "your", "redacted", "secret", "password", "passwd", "token", "todo", "fixme", "replace",
            "insert", "enter", "default", "fake", "mock", "test", "localhost", "process.env", "os.environ", "getenv",
            "env.", "vault:", "arn:aws", "secretsmanager", "credentials", "file:", "http://", "https://", "classpath:",
            "lookup", "config.", "settings.", "params.", "this.", "self.", "args.", "request.", "ssm:", "keyvault",
            "none", "null", "undefined", "true", "false", "******", "<", ">", "()", "->", "::", "[]", "enc[",
            "enc(", "{cipher}", "{ssha}", "{sha}", "{crypt}", "{bcrypt}", "{pbkdf2}", "{scrypt}", "{argon2}",
            "$ansible_vault", "${", "#{", "{{", "...");

    /** {@link #VALUE_STOP_WORDS} as one automaton. */
    private static final KeywordAutomaton VALUE_STOPS = new KeywordAutomaton(VALUE_STOP_WORDS);

    private static final Pattern FILE_NAME = Pattern
            .compile("\\.(pem|key|crt|cer|p12|pfx|jks|json|txt|yml|yaml|xml|properties|env|conf|sh)$");
    private static final Pattern DOTTED_NAME = Pattern.compile("[A-Za-z]+(?:[._-][A-Za-z]+)+");
    /** Public identifiers that look random: blockchain addresses and transaction hashes, UUIDs, hex digests. */
    private static final Pattern PUBLIC_IDENTIFIER = Pattern.compile("0x[0-9a-fA-F]{40}|0x[0-9a-fA-F]{64}"
            + "|(?:sha(?:1|256|384|512)|md5)[-:][A-Za-z0-9+/=]{20,}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Version numbers and dates: {@code 1.2.3-alpha}, {@code v2.0.1}, {@code 2024-01-31T10:00:00Z}. */
    private static final Pattern VERSION_OR_DATE = Pattern.compile("v?\\d+(?:\\.\\d+){1,3}(?:[-+.][A-Za-z0-9.]+)?"
            + "|\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?Z?)?");

    /** Labels and counters such as {@code userid:2} or {@code page=10}: a name and a small number. */
    private static final Pattern LABEL_AND_NUMBER = Pattern.compile("[A-Za-z_][A-Za-z_.-]{1,40}[:=#][0-9]{1,6}");

    /** Words run together in camel case, {@code notHighEnoughEntropy}, {@code WillAlsoBeIgnored}: a phrase, not a key. */
    private static final Pattern CAMEL_CASE_PHRASE = Pattern.compile("[A-Za-z][a-z]{1,}(?:[A-Z][a-z]{2,}){2,}"
            + "|[a-z]{3,}(?:[A-Z][a-z]{2,})+");

    /** How the rule reads a file. */
    enum FileKind {
        /** Source code: only string literals are values. */
        SOURCE,
        /** Configuration and scripts: bare values count, and password-named keys take shorter values. */
        CONFIG,
        /** Any other text (docs, notes, dumps, files without extension): values must look random. */
        TEXT,
        /** Lock files and generated files: not read by the rule. */
        SKIPPED
    }

    private GenericAssignmentRule() {
    }

    /** The rule. */
    static SecretRule rule() {
        return SecretRule.builder(ID)
                .title("Hard-coded secret in an assignment")
                .provider("Generic")
                .severity(Severity.MEDIUM)
                .confidence(Confidence.MEDIUM)
                .keywords(java.util.stream.Stream.concat(KEYWORDS.stream(), java.util.stream.Stream.of(KEY_WORD))
                        .toList())
                .pattern(new AssignmentPattern())
                .anchored(true)
                                .scope(GenericAssignmentRule::appliesTo)
                .check(GenericAssignmentRule::accepts)
                .remediation("Move the value to a secret store (Jenkins credentials, Vault, the cloud's secret manager)"
                        + " and read it at run time; revoke and rotate it at its issuer, since it was committed.")
                .references(List.of("https://cwe.mitre.org/data/definitions/798.html",
                        "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html"))
                .examples(List.of("DB_PASSWORD=pX7!kQ9vL2mR", "client_secret: \"q8WzR3tYp0LmN5vB\"",
                        "String apiKey = \"Zk4fT9qLw2XcV7bN\";", "<password>H7gR2kLp9QxZ</password>",
                        "\"licenseKey\": \"Q7fK2mW9xT4vL8pZ3rN6yB1c\""))
                .counterExamples(List.of("password=changeme", "DB_PASSWORD=${DB_PASSWORD}", "token: aaaaaaaaaaaa",
                        "password_file=/run/secrets/db", "password = \"Password1\"",
                        "cache_key = \"Q7fK2mW9xT4vL8pZ3rN6yB1c\"", "key = \"user-profile\""))
                .build();
    }

    /** Every text file except lock files and generated files: how the value must look depends on the file. */
    static boolean appliesTo(String path) {
        return kind(path) != FileKind.SKIPPED; // remembered for the checks of the file's candidates
    }

    /** How the rule reads the file at {@code path}. */
    static FileKind kindOf(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (SKIPPED_NAMES.contains(name) || name.endsWith(".min.js") || name.endsWith(".min.css")
                || name.endsWith(".map") || name.endsWith(".lock") || name.endsWith(".svg")) {
            return FileKind.SKIPPED;
        }
        if (CONFIG_NAMES.contains(name) || name.startsWith(".env") || name.startsWith("jenkinsfile")
                || name.endsWith(".env") || name.startsWith("dockerfile") || name.startsWith("docker-compose")
                || name.equals("wp-config.php") || name.startsWith(".")) {
            return FileKind.CONFIG;
        }
        String extension = extension(name);
        if (SOURCE_EXTENSIONS.contains(extension)) {
            return FileKind.SOURCE;
        }
        return CONFIG_EXTENSIONS.contains(extension) ? FileKind.CONFIG : FileKind.TEXT;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /** The last path asked about per thread, with its kind: a file has many candidates. */
    private static final ThreadLocal<Object[]> LAST_PATH = ThreadLocal.withInitial(() -> new Object[2]);

    static boolean accepts(String path, CharSequence text, int secretStart, int secretEnd) {
        boolean quoted = secretStart > 0 && AssignmentPattern.isQuote(text.charAt(secretStart - 1));
        boolean xmlText = secretStart > 0 && text.charAt(secretStart - 1) == '>';
        FileKind kind = kind(path);
        if (!quoted && kind == FileKind.SOURCE && !isStringParameter(text, secretStart, secretEnd)) {
            return false;
        }
        if (xmlText && secretEnd < text.length() && text.charAt(secretEnd) != '<' && !Character.isWhitespace(text.charAt(secretEnd))) {
            return false;
        }
        if (secretEnd - secretStart < MIN_PASSWORD_LENGTH) {
            // MYSQL_ROOT_PASSWORD=dvwa: an environment variable of a config file named as a password
            return kind == FileKind.CONFIG && shortEnvironmentPassword(text, secretStart, secretEnd)
                    && !EncryptedFiles.isEncrypted(text);
        }
        if (isDottedName(text, secretStart, secretEnd)
                || ShannonEntropy.of(text, secretStart, secretEnd) < MIN_PASSWORD_ENTROPY) {
            return false; // below every tier, whatever the key
        }
        String key = keyOf(text, secretStart);
        if (key == null) {
            return false;
        }
        String value = text.subSequence(secretStart, secretEnd).toString();
        char last = value.charAt(value.length() - 1);
        if (last == '\\' || last == ':' || isBadgeToken(text, secretStart)) {
            // Mudar\ Senha (an escaped blank of a .properties message), Engangskode: (a label), badge.svg?token=
            return false;
        }
        if (!CREDENTIAL_WORDS.occursIn(key) && !credentialWordBefore(text, secretStart)) {
            // reached through the word key alone: a name of many kinds, so a generated-looking value only
            return isSecretKeyName(key) && looksGenerated(value) && !encodesPlaceholder(value)
                    && !EncryptedFiles.isEncrypted(text);
        }
        boolean passwordKey = key.contains("pass") || key.contains("pwd");
        // In docs and notes a quoted value is code quoted there ($cfg['db_password'] = '...'); a bare one may be prose.
        boolean looksReal = passwordKey && (kind != FileKind.TEXT || quoted) ? passwordLooksReal(value)
                : valueLooksSecret(value);
        // Last, as it reads the whole file once: values of encrypted-secrets files are ciphertext.
        return looksReal && !encodesPlaceholder(value) && !EncryptedFiles.isEncrypted(text);
    }

    /**
     * Whether a credential word other than key comes before the value on its line: the name found right before the
     * value may be a type ({@code password: str = "..."}) or an encoding ({@code password%3D...}).
     */
    private static boolean credentialWordBefore(CharSequence text, int secretStart) {
        int from = secretStart;
        while (from > 0 && secretStart - from < 200 && text.charAt(from - 1) != '\n') {
            from--;
        }
        return CREDENTIAL_WORDS.occursIn(text.subSequence(from, secretStart).toString().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a key name (lower case) that holds no credential word but key names a credential: {@code key},
     * {@code app_key}, {@code license-key}, {@code stripe.key}, {@code masterkey}; not {@code primary_key}, {@code
     * cache_key}, {@code keyboard} or {@code monkey}.
     */
    static boolean isSecretKeyName(String key) {
        int cut = Math.max(key.lastIndexOf('.'), Math.max(key.lastIndexOf('_'), key.lastIndexOf('-')));
        String last = key.substring(cut + 1);
        if (cut < 0 || !last.equals(KEY_WORD)) {
            return GLUED_KEY_NAMES.contains(last);
        }
        String before = key.substring(0, cut);
        int previousCut = Math.max(before.lastIndexOf('.'), Math.max(before.lastIndexOf('_'), before.lastIndexOf('-')));
        return !DATA_KEY_PREFIXES.contains(before.substring(previousCut + 1)) && !DATA_KEY_PREFIXES.contains(before);
    }

    /**
     * A value a machine generated: 20 or more characters mixing lower case, upper case and digits, with an entropy of
     * at least 3.8 bits per character, and no stop-word.
     */
    static boolean looksGenerated(String value) {
        if (value.length() < 20) {
            return false;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
            digit |= c >= '0' && c <= '9';
        }
        return lower && upper && digit && ShannonEntropy.of(value) >= 3.8 && valueLooksSecret(value);
    }

    /**
     * A base64 value that decodes to text that is no credential: {@code Y2hhbmdlbWU=} is {@code changeme}, {@code
     * ZGIuaW50ZXJuYWw=} a host name (Kubernetes Secrets, Helm values, encoded settings).
     */
    static boolean encodesPlaceholder(String value) {
        if (value.length() < 8 || value.length() % 4 != 0) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                    || c == '=' && i >= value.length() - 2)) {
                return false;
            }
        }
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (bytes.length == 0) {
            return false;
        }
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7e) {
                return false; // binary: random bytes, judged as they are
            }
        }
        return !plausible(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII));
    }

    /**
     * A parameter of a URL or connection string written in a string literal: {@code
     * "jdbc:postgresql://db/app?user=app&password=..."}, {@code "...;user=sa;password=...;"}. The key follows
     * {@code ?}, {@code &} or {@code ;}, and the value ends at the literal's quote or the next parameter.
     */
    static boolean isStringParameter(CharSequence text, int secretStart, int secretEnd) {
        int equals = secretStart - 1;
        if (equals < 1 || text.charAt(equals) != '=') {
            return false;
        }
        int keyStart = AssignmentPattern.keyStart(text, equals);
        if (keyStart == equals || keyStart == 0 || "?&;".indexOf(text.charAt(keyStart - 1)) < 0) {
            return false;
        }
        return secretEnd < text.length() && "\"'&;".indexOf(text.charAt(secretEnd)) >= 0;
    }

    /**
     * A 4- or 5-character value of an environment variable named as a password ({@code MYSQL_ROOT_PASSWORD=dvwa},
     * {@code - POSTGRES_PASSWORD=root}, {@code DB_PASS: s3cr}): in compose files, {@code .env} files and scripts such
     * short defaults are real, guessable credentials. The name must be upper case with underscores and end with the
     * password word; the value needs three distinct characters, not only digits, and no placeholder.
     */
    static boolean shortEnvironmentPassword(CharSequence text, int secretStart, int secretEnd) {
        if (!Character.isLetterOrDigit(text.charAt(secretStart))) {
            return false;
        }
        int end = secretStart;
        while (end > 0 && secretStart - end < 6 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t'
                || text.charAt(end - 1) == '"' || text.charAt(end - 1) == '\'')) {
            end--;
        }
        // NAME=value, or NAME: value in YAML
        if (end > 0 && text.charAt(end - 1) == '=' || end > 0 && text.charAt(end - 1) == ':' && end < secretStart) {
            end--;
        } else {
            return false;
        }
        int start = end;
        while (start > 0 && end - start < 80 && (Character.isUpperCase(text.charAt(start - 1))
                || Character.isDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) {
            start--;
        }
        // the name starts a line, a list item, a word or a quoted key: not ${NAME:-...} or a.NAME=
        if (start == end || start > 0 && " \t\n-\"'".indexOf(text.charAt(start - 1)) < 0) {
            return false;
        }
        String name = text.subSequence(start, end).toString();
        if (!ENVIRONMENT_PASSWORD_NAME.matcher(name).matches()) {
            return false;
        }
        String value = text.subSequence(secretStart, secretEnd).toString();
        boolean digitsOnly = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            digitsOnly &= Character.isDigit(c);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return !digitsOnly && distinct(value) >= 3 && plausible(value) && !PlaceholderValues.isPlaceholder(value);
    }

    /** {@code MYSQL_ROOT_PASSWORD}, {@code DB_PASS}, {@code REDIS_PWD}. */
    private static final Pattern ENVIRONMENT_PASSWORD_NAME = Pattern.compile("[A-Z][A-Z0-9_]*_(?:PASSWORD|PASSWD|PASS|PWD)");

    private static int distinct(String value) {
        return (int) value.chars().distinct().count();
    }

    /**
     * A query parameter of an image URL ({@code https://codecov.io/gh/o/r/graph/badge.svg?token=...}): badge tokens
     * are published on purpose, in READMEs.
     */
    static boolean isBadgeToken(CharSequence text, int secretStart) {
        int i = secretStart - 1;
        while (i > 0 && secretStart - i < 60 && text.charAt(i) != '?' && text.charAt(i) != '&'
                && !Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i < 4 || text.charAt(i) != '?' && text.charAt(i) != '&') {
            return false;
        }
        while (i > 0 && text.charAt(i) != '?' && secretStart - i < 400 && !Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        String before = text.subSequence(Math.max(0, i - 4), i).toString().toLowerCase(Locale.ROOT);
        return text.charAt(i) == '?' && (before.equals(".svg") || before.equals(".png"));
    }

    private static FileKind kind(String path) {
        Object[] last = LAST_PATH.get();
        if (last[0] != path) {
            last[0] = path;
            last[1] = kindOf(path);
        }
        return (FileKind) last[1];
    }

    /**
     * The key before the value, lower case, or {@code null} when the key names a setting about the secret (a file,
     * a length, a URL...) rather than the secret.
     */
    static String keyOf(CharSequence text, int secretStart) {
        int end = secretStart - 1;
        while (end > 0 && !Character.isLetterOrDigit(text.charAt(end - 1))) {
            end--;
            if (secretStart - end > 12) {
                break;
            }
        }
        int start = end;
        while (start > 0 && end - start < 200 && isKeyChar(text.charAt(start - 1))) {
            start--;
        }
        if (secretStart > 0 && text.charAt(secretStart - 1) == '>' && start > 0 && text.charAt(start - 1) != '<') {
            // <Pass encoding="base64">: the element's name, before its attributes
            int open = secretStart - 1;
            while (open > 0 && secretStart - open < 320 && text.charAt(open) != '<' && text.charAt(open) != '\n') {
                open--;
            }
            if (text.charAt(open) == '<') {
                start = open + 1;
                end = start;
                while (end < secretStart && isKeyChar(text.charAt(end))) {
                    end++;
                }
            }
        }
        String key = text.subSequence(start, Math.max(start, end)).toString().toLowerCase(Locale.ROOT);
        if (key.equals("value")) {
            key = pairedName(text, start); // <add key="..." value="..."/>, - name: ... / value: ...
            if (key == null) {
                return null;
            }
        }
        return keyAccepted(key) ? key : null;
    }

    /**
     * The name a {@code value} belongs to, lower case: the quoted attribute before it on the same element ({@code
     * name="db.password" value=}) or the {@code name:} of the YAML list item on the line before; {@code null} if
     * neither.
     */
    static String pairedName(CharSequence text, int valueKeyStart) {
        int i = valueKeyStart;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        if (i > 0 && (text.charAt(i - 1) == '"' || text.charAt(i - 1) == '\'')) {
            int end = i - 1;
            int start = end;
            while (start > 0 && end - start < 200 && isKeyChar(text.charAt(start - 1))) {
                start--;
            }
            return start > 0 && text.charAt(start - 1) == text.charAt(end)
                    ? text.subSequence(start, end).toString().toLowerCase(Locale.ROOT) : null;
        }
        if (i > 0 && text.charAt(i - 1) == '\n') {
            int lineEnd = i - 1;
            if (lineEnd > 0 && text.charAt(lineEnd - 1) == '\r') {
                lineEnd--;
            }
            int end = lineEnd;
            while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '"' || text.charAt(end - 1) == '\'')) {
                end--;
            }
            int start = end;
            while (start > 0 && end - start < 200 && isKeyChar(text.charAt(start - 1))) {
                start--;
            }
            return start < end && AssignmentPattern.isYamlListName(text, end)
                    ? text.subSequence(start, end).toString().toLowerCase(Locale.ROOT) : null;
        }
        return null;
    }

    /** Whether a key name (lower case) names the secret rather than a setting about it. */
    static boolean keyAccepted(String key) {
        return !KEY_STOPS.occursIn(key);
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    /** Long enough, random enough, of mixed character classes, and free of stop-words. */
    static boolean valueLooksSecret(String value) {
        // Cheap tests first: most candidates fail on length, character classes or entropy.
        if (value.length() < MIN_LENGTH || classes(value) < 2 || ShannonEntropy.of(value) < MIN_ENTROPY) {
            return false;
        }
        // Letters only (Wachtwoord, Contrasena in i18n bundles) is a word unless long enough to be a random token,
        // and words run together in camel case are a phrase at any length.
        if (allLetters(value)
                && (value.length() < MIN_LETTERS_ONLY_LENGTH || CAMEL_CASE_PHRASE.matcher(value).matches())) {
            return false;
        }
        return plausible(value);
    }

    /**
     * A value assigned to a password-named key in a config file or a string literal: people choose passwords, so
     * they are shorter and less random than tokens ({@code admin123}, {@code S3cr!t#x}); still not a word alone.
     */
    static boolean passwordLooksReal(String value) {
        if (value.length() < MIN_PASSWORD_LENGTH || ShannonEntropy.of(value) < MIN_PASSWORD_ENTROPY) {
            return false;
        }
        boolean letters = false;
        boolean others = false;
        boolean digitsOnly = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean letter = Character.isLetter(c);
            letters |= letter;
            others |= !letter;
            digitsOnly &= Character.isDigit(c);
        }
        if (!letters && digitsOnly && value.length() < 8) {
            return false; // a port, a PIN-length number, a count
        }
        if (!(letters && others) && (value.length() < MIN_LETTERS_ONLY_LENGTH
                || CAMEL_CASE_PHRASE.matcher(value).matches())) {
            return false; // a word, or an identifier in camel case (Pass: authorizationType)
        }
        return plausible(value);
    }

    /** Not a placeholder, a reference, a path, an encrypted value or a public identifier. */
    static boolean plausible(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (VALUE_STOPS.occursIn(lower)) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '/' || value.startsWith("./") || value.startsWith("~/") || first == '$' || first == '@'
                || first == '%' || first == '&' || first == '*' || first == '{' || first == '[' || first == '('
                || first == '!' && value.chars().skip(1).allMatch(Character::isLetter) || first == '-'
                || first == '=' || first == ':' || first == '.') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > '~') {
                return false; // prose in another script, never a credential a tool generated
            }
        }
        if (FILE_NAME.matcher(lower).find() || DOTTED_NAME.matcher(value).matches()
                || PUBLIC_IDENTIFIER.matcher(value).matches() || VERSION_OR_DATE.matcher(value).matches()
                || LABEL_AND_NUMBER.matcher(value).matches() || looksLikeCode(value)) {
            return false;
        }
        // Typed rather than generated: one piece repeated (1234abcd1234abcd) or a keyboard run (12345678, abcdefgh).
        // Only for values judged by their look; a provider format says more than the look of its body.
        return !PlaceholderValues.isPlaceholder(value) && !PlaceholderValues.isPeriodic(value)
                && !PlaceholderValues.hasSequentialRun(lower) && !PlaceholderValues.hasInterleavedRun(lower)
                && !PlaceholderValues.isJwtIoExample(lower);
    }

    /**
     * {@code [A-Za-z]+(?:[._-][A-Za-z]+)+} by hand ({@code getpass.getpass}, {@code db-credentials}): a name, never a
     * secret; checked before anything else, as such values follow most keywords in code and config.
     */
    static boolean isDottedName(CharSequence text, int start, int end) {
        boolean separator = false;
        boolean letterBefore = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                letterBefore = true;
            } else if ((c == '.' || c == '_' || c == '-') && letterBefore) {
                separator = true;
                letterBefore = false;
            } else {
                return false;
            }
        }
        return separator && letterBefore;
    }

    private static boolean allLetters(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!Character.isLetter(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Calls, member accesses and casts in code: {@code getPassword()}, {@code cfg.db.password}, {@code str}. */
    private static boolean looksLikeCode(String value) {
        return value.endsWith(")") || value.endsWith(";") && value.indexOf('(') > 0;
    }

    private static int classes(String value) {
        int classes = 0;
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
            digit |= Character.isDigit(c);
        }
        classes += lower ? 1 : 0;
        classes += upper ? 1 : 0;
        classes += digit ? 1 : 0;
        return classes;
    }
}
