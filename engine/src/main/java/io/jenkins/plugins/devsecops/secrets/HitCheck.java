package io.jenkins.plugins.devsecops.secrets;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A cheap necessary condition for a built-in rule's pattern to match in a region of a text, checked at a keyword hit
 * before the pattern's matcher is set up: most hits of a common keyword ({@code http}, {@code pat}, {@code jenkins})
 * lead to no match, and a look at a few characters costs far less than setting up and running a regular expression.
 * A check never turns away a region where the pattern matches: it only reads what every match must contain.
 * Immutable and thread-safe.
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
        return ByRule.NAMED_ASSIGNMENT.matcher(source).lookingAt() ? ByRule::hasOperator : null;
    }

    /** The checks and the patterns they were written for. */
    final class ByRule {

        /**
         * Rules of the form {@code (?i:name|name)[\w.-]{0,n}[ \t'"]{0,n}(?:=>|:=|[=:])...}: a provider's name, the
         * rest of a key and an assignment operator. Every match holds {@code =} or {@code :}.
         */
        static final Pattern NAMED_ASSIGNMENT = Pattern.compile(
                "\\(\\?i:[A-Za-z0-9_|-]+\\)\\[\\\\w\\.-\\]\\{0,[0-9]+\\}\\[ \\\\t'\"\\]\\{0,[0-9]+\\}"
                + "\\(\\?:=>\\|:=\\|\\[=:\\]\\)");

        static final Map<String, String> SOURCES = Map.of(
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
                        + "(['\"]?)([^\\s'\"`;|&<>()\\\\$*/-][^\\s'\"`;|&<>()\\\\]{2,127})\\1(?![^\\s;|&)])");

        /** Checks that read what follows the keyword: only for a pattern tried at each hit. */
        static final Map<String, HitCheck> AT_KEYWORD = Map.of(
                "url-credentials-http", ByRule::urlUserAndPassword,
                "airtable-pat", ByRule::airtableTokenShape,
                "php-define-password", ByRule::defineOfQuotedName,
                "twilio-api-key", ByRule::twilioSid);

        /** Checks of anything in the region the pattern is run over. */
        static final Map<String, HitCheck> IN_REGION = Map.of("jenkins-api-token", ByRule::jenkinsTokenValue,
                "mailchimp-api-key", ByRule::mailchimpKey,
                "npmrc-basic-auth", ByRule::npmrcAssignment,
                "cli-tool-password", ByRule::toolPasswordOption);

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
            i += 3;
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

        /** {@code 11} and 32 lower-case hexadecimal digits somewhere in the region. */
        static boolean jenkinsTokenValue(CharSequence text, int hitEnd, int from, int to) {
            for (int i = from; i + 34 <= to; i++) {
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
