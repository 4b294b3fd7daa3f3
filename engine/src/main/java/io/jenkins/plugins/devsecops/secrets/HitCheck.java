package io.jenkins.plugins.devsecops.secrets;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A cheap necessary condition for a built-in rule's pattern to match in a region of a text, checked at a keyword hit
 * before the pattern's matcher is set up: most hits of a common keyword ({@code http}, {@code pat}, {@code jenkins})
 * lead to no match, and a look at a few characters costs far less than setting up and running a regular expression.
 * A check never turns away a region where the pattern matches: it only reads what every match must contain. A
 * check is monotone in the region's end: one that may match in {@code [from, to)} may match in every longer region
 * {@code [from, to')}, so that the detector can ask it over the window a line ends in at the latest before it looks
 * for the line's end. Immutable and thread-safe.
 */
@FunctionalInterface
interface HitCheck {

    /**
     * Whether the pattern may match in {@code [from, to)} of {@code text}, for a hit of a keyword ending at
     * {@code hitEnd}; for a rule tried once at each hit, {@code from} is where that attempt starts (the keyword's
     * start).
     */
    boolean mayMatch(CharSequence text, int hitEnd, int from, int to);

    /**
     * The check for a built-in rule, or {@code null}. Each check is written for one pattern: it applies only while the
     * rule's pattern is the one it was written for, so an edited pattern is run at every hit again (and
     * {@code HitCheckTest} fails until the check is brought up to date).
     *
     * @param triedAtKeyword whether the detector tries the pattern once at each keyword hit, starting at the keyword
     *     (rather than searching the hit's line): some checks read the characters right after the keyword
     */
    static HitCheck forRule(String id, String source, boolean triedAtKeyword) {
        HitCheck atKeyword = ByRule.AT_KEYWORD.get(id);
        if (atKeyword != null) {
            return triedAtKeyword && source.equals(ByRule.SOURCES.get(id)) ? atKeyword : null;
        }
        HitCheck inRegion = ByRule.IN_REGION.get(id);
        if (inRegion != null) {
            return source.equals(ByRule.SOURCES.get(id)) ? inRegion : null;
        }
        java.util.regex.Matcher named = ByRule.NAMED_ASSIGNMENT.matcher(source);
        if (!named.lookingAt()) {
            return null;
        }
        if (!triedAtKeyword) {
            return ByRule::hasOperator;
        }
        // Tried at each hit, the match starts at the hit: its operator comes after at most the longest name, the
        // rest of the key and the blanks or quotes.
        int longestName = 0;
        for (String name : named.group(1).split("\\|")) {
            longestName = Math.max(longestName, name.length());
        }
        int operatorAtMost = longestName + Integer.parseInt(named.group(2)) + Integer.parseInt(named.group(3));
        return (text, hitEnd, from, to) -> ByRule.hasOperator(text, hitEnd, from,
                (int) Math.min(to, from + operatorAtMost + 1L));
    }

    /** The checks and the patterns they were written for. */
    final class ByRule {

        /**
         * Rules of the form {@code (?i:name|name)[\w.-]{0,n}[ \t'"]{0,n}(?:=>|:=|[=:])...}: a provider's name, the
         * rest of a key and an assignment operator. Every match holds {@code =} or {@code :}.
         */
        static final Pattern NAMED_ASSIGNMENT = Pattern.compile(
                "\\(\\?i:([A-Za-z0-9_|-]+)\\)\\[\\\\w\\.-\\]\\{0,([0-9]+)\\}\\[ \\\\t'\"\\]\\{0,([0-9]+)\\}"
                + "\\(\\?:=>\\|:=\\|\\[=:\\]\\)");

        static final Map<String, String> SOURCES = sources(
                "url-credentials-http",
                "https?://[^\\s:/?#@'\"`]{0,64}:([^\\s:/?'\"`<>{}\\[\\]]{3,128})@[A-Za-z0-9\\[][A-Za-z0-9.:\\]-]{0,252}",
                "airtable-pat", "\\b(pat[A-Za-z0-9]{14}\\.[a-f0-9]{64})\\b",
                "php-define-password", "\\bdefine[ \\t]{0,3}\\([ \\t]{0,3}['\"]([A-Z0-9_]{0,40}(?:PASSWORD|PASSWD|PASS"
                        + "|SECRET|TOKEN|API_KEY|AUTH_KEY|LOGGED_IN_KEY|NONCE_KEY|_SALT))['\"][ \\t]{0,3},[ \\t]{0,40}(['\"])"
                        + "([^'\"\\\\\\r\\n]{4,200})\\2",
                "twilio-api-key", "\\b((?:SK0|SK1|SK2|SK3|SK4|SK5|SK6|SK7|SK8|SK9|SKa|SKb|SKc|SKd|SKe|SKf)[0-9a-f]{31})"
                        + "(?![\\w-])",
                "jenkins-api-token",
                "(?i:jenkins)[\\w.-]{0,25}[ \\t'\"]{0,3}(?:=>|:=|[=:])[ \\t'\"]{0,5}(11[0-9a-f]{32})(?![0-9A-Za-z])",
                "mailchimp-api-key", "\\b([0-9a-f]{32}-us[0-9]{1,2})\\b",
                "npmrc-basic-auth", "(?:^|[\\s:'\"])_(?:auth|password)[ \\t]*=[ \\t]*['\"]?((?:[A-Za-z0-9+/]{4}){2,256}"
                        + "(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?)(?![\\w+/=])",
                "cli-tool-password", "(?i:\\b(?:mongo(?:sh|dump|restore|export|import)?|az[ \\t]+login)\\b[^\\n|;&]{0,200}?"
                        + "[ \\t](?-i:-p)[ \\t]+|\\bssh-keygen\\b[^\\n|;&]{0,200}?[ \\t](?-i:-[NP])[ \\t]+|\\b7za?\\b"
                        + "[^\\n|;&]{0,200}?[ \\t](?-i:-p)(?=[^\\s-])|\\b(?:un)?zip\\b[^\\n|;&]{0,200}?[ \\t](?-i:-P)[ \\t]+"
                        + "|\\brabbitmqctl\\b[ \\t]+(?:add_user|change_password)[ \\t]+[^\\s]{1,64}[ \\t]+"
                        + "|\\bnet[ \\t]+user[ \\t]+[^\\s/]{1,64}[ \\t]+|\\bopenssl\\b[^\\n|;&]{0,200}?[ \\t](?-i:-k)[ \\t]+)"
                        + "(['\"]?)([^\\s'\"`;|&<>()\\\\$*/-][^\\s'\"`;|&<>()\\\\]{2,127})\\1(?![^\\s;|&)])",
                "cli-password-argument",
                "(?<![\\w-])--?(?:[a-z0-9]{1,20}-){0,3}(?:password|passwd|pass|passphrase|pwd|secret|api-key|apikey|token)"
                        + "(?:=|[ \\t]{1,5})(['\"]?)([^\\s'\"`;|&<>()\\\\$-][^\\s'\"`;|&<>()\\\\]{2,199})\\1(?![^\\s;|&)])",
                "mailgun-api-key",
                "(?:(?i:mailgun)[\\w.-]{0,25}[ \\t'\"]{0,3}(?:=>|:=|[=:])[ \\t'\"]{0,5}|(?<![\\w:-])(?=key-))((?:api:)?"
                        + "(?:key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}))(?![\\w-])",
                "database-cli-password",
                "(?i:\\b(?:sqlcmd|osql|isql|bcp)\\b[^\\n|;&]{0,200}?[ \\t]-P|\\bredis-cli\\b[^\\n|;&]{0,200}?[ \\t]"
                        + "(?:-a|--pass)|\\bldap(?:search|add|modify|delete|whoami|passwd)\\b[^\\n|;&]{0,200}?[ \\t]-w)"
                        + "[ \\t]{0,5}(['\"]?)([^\\s'\"`;|&<>()\\\\$-][^\\s'\"`;|&<>()\\\\]{2,127})\\1(?![^\\s;|&)])",
                "mysql-cli-password",
                "\\b(?i:mysql(?:dump|admin|import|sh|slap|check)?|mariadb(?:-dump|-admin|dump|admin)?)\\b[^\\n|;&]{0,200}?"
                        + "[ \\t]-p(['\"]?)([^\\s'\"`;|&<>()\\\\$-][^\\s'\"`;|&<>()\\\\]{2,127})\\1(?![^\\s;|&)])",
                "url-credentials-ftp",
                "\\b(?:ftps?|sftp)://[^\\s:/?#@'\"`]{0,64}:([^\\s:/?'\"`<>{}\\[\\]]{3,128})@[A-Za-z0-9\\[]"
                        + "[A-Za-z0-9.:\\]-]{0,252}",
                "url-credentials-mysql",
                "\\b(?:mysql(?:x)?|mariadb)(?:\\+[a-z0-9]{1,20})?://[^\\s:/?#@'\"`]{0,64}:([^\\s:/?'\"`<>{}\\[\\]]{3,128})@"
                        + "[A-Za-z0-9\\[][A-Za-z0-9.:\\]-]{0,252}",
                "url-credentials-other",
                "\\b(?:mssql|sqlserver|oracle|ssh|git|svn(?:\\+ssh)?|rtsp|nats|neo4j(?:\\+s)?|bolt(?:\\+s)?|mqtts?|couchdb"
                        + "|kafka|socks[45]h?|clickhouse|snowflake|cockroachdb|telnet|elasticsearch|cassandra|influxdb|db2"
                        + "|sybase|firebird|vertica|presto|trino|hive|imaps?|pop3s?|xmpp|irc|stomp|rabbitmq|memcached|webdav"
                        + "|davs?|rsync|smb|cifs|nfs|scp)(?:\\+[a-z0-9]{1,20})?://[^\\s:/?#@'\"`]{1,64}:"
                        + "([^\\s:/?'\"`<>{}\\[\\]]{3,128})@[A-Za-z0-9\\[][A-Za-z0-9.:\\]-]{0,252}",
                "notion-integration-token", "\\b(ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})\\b",
                "gcp-service-account-key",
                "\"type\"\\s{0,5}:\\s{0,5}\"service_account\"[\\s\\S]{0,3000}?\"private_key\"\\s{0,5}:\\s{0,5}"
                        + "\"(-----BEGIN PRIVATE KEY-----[A-Za-z0-9+/=\\\\\\s]{64,8000}-----END PRIVATE KEY-----(?:\\\\n)?)\"",
                "snyk-api-token",
                "(?i:snyk)[\\w.-]{0,20}?(?i:key|token|secret|passw(?:or)?d|pwd|auth|credential)[\\w.-]{0,25}[ \\t'\"]"
                        + "{0,3}(?:=>|:=|[=:])[ \\t'\"]{0,5}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?!["
                        + "\\w-])",
                "octopus-deploy-api-key",
                "\\b(API-[A-Z0-9]{26,32})\\b",
                "discord-bot-token-login",
                "(?:\\.run\\(|\\.login\\()[ \\t]*['\"`]([MNO][A-Za-z0-9_-]{22,26}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{"
                        + "27,40})['\"`]",
                "crates-io-api-token",
                "\\b(cio[A-Za-z0-9]{32})\\b",
                "facebook-access-token",
                "\\b(EAA[A-Z][A-Za-z0-9]{100,400})\\b",
                "facebook-app-secret",
                "(?i:facebook[\\w.-]{0,15}secret|fb[_.-]?(?:app[_.-]?)?secret)[\\w.-]{0,10}[ \\t'\"]{0,3}(?:=>|:=|[=:"
                        + "])[ \\t'\"]{0,5}([a-f0-9]{32})(?![\\w-])",
                "url-credentials-postgres",
                "\\b(?:postgres(?:ql)?(?:\\+[a-z0-9]{1,20})?)://[^\\s:/?#@'\"`]{0,64}:([^\\s:/?'\"`<>{}\\[\\]]{3,128}"
                        + ")@[A-Za-z0-9\\[][A-Za-z0-9.:\\]-]{0,252}",
                "url-credentials-redis",
                "\\b(?:rediss?)://[^\\s:/?#@'\"`]{0,64}:([^\\s:/?'\"`<>{}\\[\\]]{3,128})@[A-Za-z0-9\\[][A-Za-z0-9.:\\"
                        + "]-]{0,252}",
                "netrc-password",
                "machine[ \\t]+[\\w.:-]{1,253}(?:\\s{1,20}(?:login|account|port)[ \\t]+[^\\s'\"]{1,256}){0,3}\\s{1,20"
                        + "}password[ \\t]+([^\\s'\"]{3,256})",
                "http-authorization-header",
                "(?i)authorization['\"]?[ \\t]{0,3}[:=,][ \\t]{0,3}['\"]?[ \\t]{0,3}(?:basic|bearer|token)[ \\t]{1,3}"
                        + "([a-z0-9+/=._~-]{12,2000})(?![a-z0-9+/=._~-])");

        /** The pairs given, id and source in turn, as a map. */
        private static Map<String, String> sources(String... idsAndSources) {
            Map<String, String> sources = new java.util.HashMap<>();
            for (int i = 0; i < idsAndSources.length; i += 2) {
                sources.put(idsAndSources[i], idsAndSources[i + 1]);
            }
            return Map.copyOf(sources);
        }

        /** Checks that read what follows the keyword: only for a pattern tried at each hit. */
        static final Map<String, HitCheck> AT_KEYWORD = Map.ofEntries(
                Map.entry("url-credentials-http", ByRule::urlUserAndPassword),
                Map.entry("airtable-pat", ByRule::airtableTokenShape),
                Map.entry("php-define-password", ByRule::defineOfQuotedName),
                Map.entry("twilio-api-key", ByRule::twilioSid),
                Map.entry("jenkins-api-token", ByRule::jenkinsTokenValue),
                Map.entry("http-authorization-header", ByRule::authorizationOperator),
                Map.entry("crates-io-api-token", ByRule::cratesToken),
                Map.entry("discord-bot-token-login", ByRule::discordTokenArgument),
                Map.entry("netrc-password", ByRule::netrcMachine),
                Map.entry("snyk-api-token", ByRule::snykOperator),
                Map.entry("url-credentials-postgres", ByRule::schemeUserAndPassword),
                Map.entry("url-credentials-redis", ByRule::schemeUserAndPassword),
                Map.entry("facebook-access-token", ByRule::facebookToken),
                Map.entry("octopus-deploy-api-key", ByRule::octopusKey));

        /** Checks of anything in the region the pattern is run over. */
        static final Map<String, HitCheck> IN_REGION = Map.ofEntries(
                Map.entry("mailchimp-api-key", ByRule::mailchimpKey),
                Map.entry("npmrc-basic-auth", ByRule::npmrcAssignment),
                Map.entry("cli-tool-password", ByRule::toolPasswordOption),
                Map.entry("cli-password-argument", ByRule::cliOptionAssignment),
                Map.entry("mailgun-api-key", ByRule::mailgunKey),
                Map.entry("database-cli-password", ByRule::databaseCliOption),
                Map.entry("mysql-cli-password", ByRule::mysqlPasswordOption),
                Map.entry("url-credentials-ftp", ByRule::urlCredentials),
                Map.entry("url-credentials-mysql", ByRule::urlCredentials),
                Map.entry("url-credentials-other", ByRule::urlCredentials),
                Map.entry("notion-integration-token", ByRule::notionToken),
                Map.entry("gcp-service-account-key", ByRule::serviceAccountPrivateKey),
                Map.entry("facebook-app-secret", ByRule::lowerHexRun32));

        private ByRule() {
        }

        /**
         * {@code https?://}, then up to 64 characters of a user name (none of {@code \s:/?#@'"`}) ended by {@code :},
         * then a password of 3 to 128 characters (which may hold {@code @}) and {@code @}: so the scheme right after
         * the keyword, the first of those delimiters a colon, and an {@code @} 4 to 129 characters after it.
         */
        static boolean urlUserAndPassword(CharSequence text, int hitEnd, int from, int to) {
            int i = hitEnd; // after http
            if (i < to && text.charAt(i) == 's') {
                i++;
            }
            if (i + 3 > to || text.charAt(i) != ':' || text.charAt(i + 1) != '/' || text.charAt(i + 2) != '/') {
                return false;
            }
            return userAndPassword(text, i + 3, to);
        }

        /**
         * What every URL-credentials rule's match holds after its scheme, somewhere in the region: {@code ://}, a user
         * name of up to 64 characters ended by {@code :}, and an {@code @} 4 to 129 characters after it (as
         * {@link #urlUserAndPassword} reads it after the scheme).
         */
        static boolean urlCredentials(CharSequence text, int hitEnd, int from, int to) {
            for (int i = indexOf(text, ':', from, to); i >= 0 && i + 3 <= to; i = indexOf(text, ':', i + 1, to)) {
                if (text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/' && userAndPassword(text, i + 3, to)) {
                    return true;
                }
            }
            return false;
        }

        /** A user name ended by {@code :} at {@code i} and an {@code @} 4 to 129 characters after that colon. */
        private static boolean userAndPassword(CharSequence text, int i, int to) {
            int userEnd = Math.min(to, i + 65);
            while (i < userEnd && !endsUser(text.charAt(i))) {
                i++;
            }
            if (i >= userEnd || text.charAt(i) != ':') {
                return false;
            }
            int last = Math.min(to - 1, i + 129);
            for (int at = i + 4; at <= last; at++) {
                if (text.charAt(at) == '@') {
                    return true;
                }
            }
            return false;
        }

        /**
         * {@code cli-password-argument}: the option's word ({@code password}, {@code pwd}, {@code api-key}...) after a
         * {@code -} (the option's or the one ending a word before it), then {@code =} or a blank.
         */
        static boolean cliOptionAssignment(CharSequence text, int hitEnd, int from, int to) {
            for (int i = indexOf(text, '-', from, to); i >= 0; i = indexOf(text, '-', i + 1, to)) {
                for (String word : CLI_OPTION_WORDS) {
                    int after = i + 1 + word.length();
                    if (after < to && AssignmentPattern.startsWith(text, i + 1, word)) {
                        char c = text.charAt(after);
                        if (c == '=' || c == ' ' || c == '\t') {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private static final String[] CLI_OPTION_WORDS = {"password", "passwd", "pass", "passphrase", "pwd", "secret",
            "api-key", "apikey", "token"};

        /**
         * {@code mailgun-api-key}'s value, somewhere in the region: {@code key-} and 32 lower-case hexadecimal digits,
         * or 32 such digits, {@code -}, 8, {@code -} and 8.
         */
        static boolean mailgunKey(CharSequence text, int hitEnd, int from, int to) {
            for (int i = indexOf(text, '-', from, to); i >= 0; i = indexOf(text, '-', i + 1, to)) {
                if (i - 3 >= from && i + 33 <= to && text.charAt(i - 3) == 'k' && text.charAt(i - 2) == 'e'
                        && text.charAt(i - 1) == 'y' && isLowerHex(text, i + 1, i + 33)) {
                    return true;
                }
                if (i - 32 >= from && i + 18 <= to && text.charAt(i + 9) == '-' && isLowerHex(text, i + 1, i + 9)
                        && isLowerHex(text, i + 10, i + 18) && isLowerHex(text, i - 32, i)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * {@code database-cli-password}'s option somewhere in the region: a blank, then {@code -P}, {@code -a},
         * {@code -w} or {@code --pass} (any case of ASCII letters, as its {@code (?i:)} reads them).
         */
        static boolean databaseCliOption(CharSequence text, int hitEnd, int from, int to) {
            for (int i = indexOf(text, '-', from + 1, to); i >= 0 && i + 1 < to; i = indexOf(text, '-', i + 1, to)) {
                char blank = text.charAt(i - 1);
                if (blank != ' ' && blank != '\t') {
                    continue;
                }
                char option = (char) (text.charAt(i + 1) | 0x20);
                if (option == 'p' || option == 'a' || option == 'w'
                        || text.charAt(i + 1) == '-' && i + 6 <= to && regionMatchesIgnoreCase(text, i + 2, "pass")) {
                    return true;
                }
            }
            return false;
        }

        /** {@code mysql-cli-password}'s option somewhere in the region: a blank and {@code -p} (as written). */
        static boolean mysqlPasswordOption(CharSequence text, int hitEnd, int from, int to) {
            for (int i = indexOf(text, '-', from + 1, to); i >= 0 && i + 1 < to; i = indexOf(text, '-', i + 1, to)) {
                if (text.charAt(i + 1) == 'p' && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
                    return true;
                }
            }
            return false;
        }

        /**
         * {@code notion-integration-token}'s value somewhere in the region: {@code ntn_}, 11 digits and 35 ASCII
         * letters or digits, or {@code secret_} and 43.
         */
        static boolean notionToken(CharSequence text, int hitEnd, int from, int to) {
            for (int i = indexOf(text, '_', from, to); i >= 0; i = indexOf(text, '_', i + 1, to)) {
                if (i - 3 >= from && i + 47 <= to && AssignmentPattern.startsWith(text, i - 3, "ntn")
                        && isDigits(text, i + 1, i + 12) && isAsciiLettersOrDigits(text, i + 12, i + 47)) {
                    return true;
                }
                if (i - 6 >= from && i + 44 <= to && AssignmentPattern.startsWith(text, i - 6, "secret")
                        && isAsciiLettersOrDigits(text, i + 1, i + 44)) {
                    return true;
                }
            }
            return false;
        }

        /** {@code gcp-service-account-key}'s {@code "private_key"} somewhere in the region. */
        static boolean serviceAccountPrivateKey(CharSequence text, int hitEnd, int from, int to) {
            String key = "\"private_key\"";
            for (int i = indexOf(text, '"', from, to); i >= 0 && i + key.length() <= to; i = indexOf(text, '"', i + 1,
                    to)) {
                if (AssignmentPattern.startsWith(text, i, key)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * {@code authorization}, an optional quote, up to 3 blanks and {@code :}, {@code =} or {@code ,}: none of them
         * can be left out by the pattern, as what follows each is none of the others.
         */
        static boolean authorizationOperator(CharSequence text, int hitEnd, int from, int to) {
            int i = hitEnd;
            if (i < to && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
                i++;
            }
            i = skipBlanks(text, i, to, 3);
            return i < to && (text.charAt(i) == ':' || text.charAt(i) == '=' || text.charAt(i) == ',');
        }

        /** {@code cio} (as written) and 32 ASCII letters or digits. */
        static boolean cratesToken(CharSequence text, int hitEnd, int from, int to) {
            return from + 35 <= to && AssignmentPattern.startsWith(text, from, "cio")
                    && isAsciiLettersOrDigits(text, from + 3, from + 35);
        }

        /** {@code .run(} or {@code .login(}, blanks, a quote and {@code M}, {@code N} or {@code O}. */
        static boolean discordTokenArgument(CharSequence text, int hitEnd, int from, int to) {
            int i = hitEnd;
            while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i + 1 >= to) {
                return false;
            }
            char quote = text.charAt(i);
            char first = text.charAt(i + 1);
            return (quote == '\'' || quote == '"' || quote == '`') && (first == 'M' || first == 'N' || first == 'O');
        }

        /** {@code machine} (as written), blanks and a character of a host name ({@code [\w.:-]}). */
        static boolean netrcMachine(CharSequence text, int hitEnd, int from, int to) {
            if (!AssignmentPattern.startsWith(text, from, "machine") || hitEnd >= to
                    || text.charAt(hitEnd) != ' ' && text.charAt(hitEnd) != '\t') {
                return false;
            }
            int i = hitEnd;
            while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            return i < to && (isAsciiLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '.'
                    || text.charAt(i) == ':' || text.charAt(i) == '-');
        }

        /**
         * {@code snyk}, then an operator at most 58 characters on: the rest of the key (20), the credential word
         * (10), the rest of the key (25), blanks or quotes (3).
         */
        static boolean snykOperator(CharSequence text, int hitEnd, int from, int to) {
            return hasOperator(text, hitEnd, hitEnd, Math.min(to, hitEnd + 59));
        }

        /**
         * A scheme's keyword ({@code postgres}, {@code redis}), then within 23 characters ({@code ql} or {@code s}, a
         * {@code +} and up to 20 characters) {@code ://} with a user name, its colon and an {@code @} after it.
         */
        static boolean schemeUserAndPassword(CharSequence text, int hitEnd, int from, int to) {
            int last = Math.min(to - 3, hitEnd + 23);
            for (int i = hitEnd; i <= last; i++) {
                if (text.charAt(i) == ':' && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/'
                        && userAndPassword(text, i + 3, to)) {
                    return true;
                }
            }
            return false;
        }

        /** {@code EAA} (as written), a capital letter and 100 ASCII letters or digits. */
        static boolean facebookToken(CharSequence text, int hitEnd, int from, int to) {
            return from + 104 <= to && AssignmentPattern.startsWith(text, from, "EAA") && text.charAt(from + 3) >= 'A'
                    && text.charAt(from + 3) <= 'Z' && isAsciiLettersOrDigits(text, from + 4, from + 104);
        }

        /** {@code API-} (as written) and 26 capital letters or digits. */
        static boolean octopusKey(CharSequence text, int hitEnd, int from, int to) {
            if (from + 30 > to || !AssignmentPattern.startsWith(text, from, "API-")) {
                return false;
            }
            for (int i = from + 4; i < from + 30; i++) {
                char c = text.charAt(i);
                if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                    return false;
                }
            }
            return true;
        }

        /** 32 lower-case hexadecimal digits in a row somewhere in the region. */
        static boolean lowerHexRun32(CharSequence text, int hitEnd, int from, int to) {
            int run = 0;
            for (int i = from; i < to; i++) {
                run = isLowerHex(text.charAt(i)) ? run + 1 : 0;
                if (run == 32) {
                    return true;
                }
            }
            return false;
        }

        /** The first {@code c} in {@code text[from, to)}, or -1. */
        static int indexOf(CharSequence text, char c, int from, int to) {
            if (from >= to) {
                return -1;
            }
            if (text instanceof String string) {
                return string.indexOf(c, from, to);
            }
            for (int i = from; i < to; i++) {
                if (text.charAt(i) == c) {
                    return i;
                }
            }
            return -1;
        }

        private static boolean isDigits(CharSequence text, int from, int to) {
            for (int i = from; i < to; i++) {
                if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }

        private static boolean isAsciiLettersOrDigits(CharSequence text, int from, int to) {
            for (int i = from; i < to; i++) {
                if (!isAsciiLetterOrDigit(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        /** The characters the user name of {@code url-credentials-http} may not hold ({@code \s} is ASCII only). */
        private static boolean endsUser(char c) {
            return c == ':' || c == '/' || c == '?' || c == '#' || c == '@' || c == '\'' || c == '"' || c == '`'
                    || c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
        }

        /** {@code pat}, 14 ASCII letters or digits and a dot. */
        static boolean airtableTokenShape(CharSequence text, int hitEnd, int from, int to) {
            int dot = hitEnd + 14; // after pat
            if (dot >= to || text.charAt(dot) != '.') {
                return false;
            }
            for (int i = hitEnd; i < dot; i++) {
                if (!isAsciiLetterOrDigit(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        /** {@code define}, up to 3 blanks, {@code (}, up to 3 blanks and a quote. */
        static boolean defineOfQuotedName(CharSequence text, int hitEnd, int from, int to) {
            int i = skipBlanks(text, hitEnd, to, 3);
            if (i >= to || text.charAt(i) != '(') {
                return false;
            }
            i = skipBlanks(text, i + 1, to, 3);
            return i < to && (text.charAt(i) == '\'' || text.charAt(i) == '"');
        }

        /** {@code SK} in capitals and 32 lower-case hexadecimal digits. */
        static boolean twilioSid(CharSequence text, int hitEnd, int from, int to) {
            return from + 34 <= to && text.charAt(from) == 'S' && text.charAt(from + 1) == 'K'
                    && isLowerHex(text, from + 2, from + 34);
        }

        private static int skipBlanks(CharSequence text, int from, int to, int most) {
            int i = from;
            while (i < to && i - from < most && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            return i;
        }

        /**
         * {@code 11} and 32 lower-case hexadecimal digits, starting at most 42 characters after the match's start:
         * {@code jenkins} (7), the rest of the key (25), blanks or quotes (3), the operator (2), blanks or quotes (5).
         */
        static boolean jenkinsTokenValue(CharSequence text, int hitEnd, int from, int to) {
            int last = Math.min(to - 34, from + 42);
            for (int i = from; i <= last; i++) {
                if (text.charAt(i) == '1' && text.charAt(i + 1) == '1' && isLowerHex(text, i + 2, i + 34)) {
                    return true;
                }
            }
            return false;
        }

        /** {@code -us} and a digit, after 32 lower-case hexadecimal digits, somewhere in the region. */
        static boolean mailchimpKey(CharSequence text, int hitEnd, int from, int to) {
            for (int i = from + 32; i + 3 < to; i++) {
                if (text.charAt(i) == '-' && text.charAt(i + 1) == 'u' && text.charAt(i + 2) == 's'
                        && text.charAt(i + 3) >= '0' && text.charAt(i + 3) <= '9' && isLowerHex(text, i - 32, i)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * {@code _auth} or {@code _password} (as written) at the start of the text or after a blank, a colon or a
         * quote in the region, then blanks and {@code =}.
         */
        static boolean npmrcAssignment(CharSequence text, int hitEnd, int from, int to) {
            for (int i = from; i < to; i++) {
                if (text.charAt(i) != '_' || !(i == 0 || i > from && startsNpmrcKey(text.charAt(i - 1)))) {
                    continue;
                }
                int j = AssignmentPattern.startsWith(text, i + 1, "auth") ? i + 5
                        : AssignmentPattern.startsWith(text, i + 1, "password") ? i + 9 : -1;
                if (j < 0) {
                    continue;
                }
                while (j < to && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                    j++;
                }
                if (j < to && text.charAt(j) == '=') {
                    return true;
                }
            }
            return false;
        }

        /** The characters before an {@code .npmrc} key: {@code [\s:'"]} ({@code \s} is ASCII only). */
        private static boolean startsNpmrcKey(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ':' || c == '\''
                    || c == '"';
        }

        /**
         * What every alternative of {@code cli-tool-password} needs somewhere in the region: a blank, {@code -} and one
         * of the option letters {@code p N P k} (as written), or {@code rabbitmqctl}, or a blank and {@code user} (any
         * case of ASCII letters, as the pattern's {@code (?i:)} reads them).
         */
        static boolean toolPasswordOption(CharSequence text, int hitEnd, int from, int to) {
            for (int i = from; i + 2 < to; i++) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t') {
                    char option = text.charAt(i + 2);
                    if (text.charAt(i + 1) == '-' && (option == 'p' || option == 'N' || option == 'P' || option == 'k')) {
                        return true;
                    }
                    if (i + 5 <= to && regionMatchesIgnoreCase(text, i + 1, "user")) {
                        return true;
                    }
                } else if ((c == 'r' || c == 'R') && i + 11 <= to && regionMatchesIgnoreCase(text, i, "rabbitmqctl")) {
                    return true;
                }
            }
            return false;
        }

        /** {@code word} (lower-case ASCII letters) at {@code at}, ASCII letters in either case as {@code (?i)} reads them. */
        private static boolean regionMatchesIgnoreCase(CharSequence text, int at, String word) {
            for (int k = 0; k < word.length(); k++) {
                if ((text.charAt(at + k) | 0x20) != word.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        /** An {@code =} or {@code :} somewhere in the region. */
        static boolean hasOperator(CharSequence text, int hitEnd, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c == '=' || c == ':') {
                    return true;
                }
            }
            return false;
        }

        private static boolean isLowerHex(char c) {
            return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
        }

        private static boolean isLowerHex(CharSequence text, int from, int to) {
            for (int i = from; i < to; i++) {
                if (!isLowerHex(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isAsciiLetterOrDigit(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
    }
}
