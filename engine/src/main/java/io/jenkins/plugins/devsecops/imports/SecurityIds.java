package io.jenkins.plugins.devsecops.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises and normalises advisory identifiers (CVE, GHSA, OSV-style) and CWE ids as tools write them. */
final class SecurityIds {

    private static final Pattern CWE = Pattern.compile("(?i)(?:^|[^a-z])cwe[-_ /:]{0,3}(\\d{1,5})(?!\\d)");
    private static final Pattern ADVISORY = Pattern.compile(
            "(?i)\\b(CVE-\\d{4}-\\d{4,7}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|(?:PYSEC|RUSTSEC|GO|OSV|SNYK-[A-Z]+)-[0-9A-Z-]{4,40})\\b");
    private static final Pattern GHSA_URL = Pattern.compile("(?i)github\\.com/advisories/(GHSA(?:-[0-9a-z]{4}){3})");

    private SecurityIds() {
    }

    /** {@code CWE-79} for {@code 79}, {@code cwe-79}, {@code CWE-79: Improper ...} or {@code external/cwe/cwe-79}; else {@code null}. */
    static String cwe(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (!trimmed.isEmpty() && trimmed.length() <= 5 && trimmed.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(trimmed) > 0 ? "CWE-" + Integer.parseInt(trimmed) : null;
        }
        Matcher matcher = CWE.matcher(trimmed);
        if (matcher.find()) {
            int number = Integer.parseInt(matcher.group(1));
            return number > 0 ? "CWE-" + number : null;
        }
        return null;
    }

    /** Whether the text is one advisory id as a whole, e.g. a rule id that is a CVE. */
    static boolean isAdvisory(String text) {
        return text != null && ADVISORY.matcher(text.trim()).matches();
    }

    /** The advisory id, upper-cased where the scheme is case-insensitive (CVE), GHSA ids in their canonical form. */
    static String normalizeAdvisory(String id) {
        String trimmed = id.trim();
        String upper = trimmed.toUpperCase(Locale.ROOT);
        if (upper.startsWith("GHSA-")) {
            return "GHSA-" + trimmed.substring(5).toLowerCase(Locale.ROOT);
        }
        return upper.startsWith("CVE-") ? upper : trimmed;
    }

    /** Every advisory id mentioned in a text or URL, e.g. a GHSA id in {@code https://github.com/advisories/GHSA-…}. */
    static List<String> advisoriesIn(String text) {
        List<String> ids = new ArrayList<>();
        if (text == null) {
            return ids;
        }
        Matcher url = GHSA_URL.matcher(text);
        while (url.find()) {
            ids.add(normalizeAdvisory(url.group(1)));
        }
        Matcher matcher = ADVISORY.matcher(text);
        while (matcher.find() && ids.size() < 50) {
            ids.add(normalizeAdvisory(matcher.group(1)));
        }
        return ids.stream().distinct().toList();
    }
}
