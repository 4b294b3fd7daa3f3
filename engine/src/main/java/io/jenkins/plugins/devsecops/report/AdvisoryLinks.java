package io.jenkins.plugins.devsecops.report;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The public web page of a weakness or advisory id, for ids whose form is strictly known: CWE, CVE, GHSA and the
 * OSV database's own ids. Ids come from scanned or imported data, so anything that does not match the exact form
 * gets no link.
 */
final class AdvisoryLinks {

    private static final Pattern CWE = Pattern.compile("CWE-(\\d{1,6})", Pattern.CASE_INSENSITIVE);
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,9}", Pattern.CASE_INSENSITIVE);
    private static final Pattern GHSA = Pattern.compile("GHSA(-[23456789cfghjmpqrvwx]{4}){3}", Pattern.CASE_INSENSITIVE);
    private static final Pattern OSV = Pattern.compile("(PYSEC|RUSTSEC|GO|OSV|GSD|MAL|RSEC|BIT|DLA|DSA|USN|ALSA|RLSA)"
            + "-[A-Za-z0-9]{1,12}(-[A-Za-z0-9]{1,12}){0,3}");

    private AdvisoryLinks() {
    }

    /** The CWE number of a {@code CWE-798} style id. */
    static Optional<String> cweNumber(String cwe) {
        if (cwe == null) {
            return Optional.empty();
        }
        var m = CWE.matcher(cwe.trim());
        return m.matches() ? Optional.of(String.valueOf(Integer.parseInt(m.group(1)))) : Optional.empty();
    }

    /** The page describing {@code id}, when it has a known form. */
    static Optional<String> pageOf(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String trimmed = id.trim();
        Optional<String> cwe = cweNumber(trimmed);
        if (cwe.isPresent()) {
            return Optional.of("https://cwe.mitre.org/data/definitions/" + cwe.get() + ".html");
        }
        if (CVE.matcher(trimmed).matches()) {
            return Optional.of("https://nvd.nist.gov/vuln/detail/" + trimmed.toUpperCase(Locale.ROOT));
        }
        if (GHSA.matcher(trimmed).matches()) {
            return Optional.of("https://github.com/advisories/" + "GHSA" + trimmed.substring(4).toLowerCase(Locale.ROOT));
        }
        if (OSV.matcher(trimmed).matches()) {
            return Optional.of("https://osv.dev/vulnerability/" + trimmed);
        }
        return Optional.empty();
    }
}
