package io.jenkins.plugins.devsecops.images;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import java.util.Locale;

/**
 * A distribution's own triage of a vulnerability in one of its packages, as its OSV record states it (Debian's
 * security-tracker urgency, Ubuntu's priority), shown beside the finding instead of guessed: Debian's
 * {@code unimportant} and {@code end-of-life} mean no fix is planned for the release, Ubuntu's {@code negligible}
 * that one is not usually published.
 *
 * @param label e.g. {@code Debian urgency: unimportant}, {@code Ubuntu priority: negligible}
 * @param explanation what it means for the user, one clause
 * @param noFixPlanned whether the distribution says it will not publish a fix
 */
record DistroStatus(String label, String explanation, boolean noFixPlanned) {

    static DistroStatus of(Ecosystem ecosystem, String status) {
        String distro = ecosystem.osvName();
        String value = status.strip();
        if (ecosystem == Ecosystem.UBUNTU) {
            String label = "Ubuntu priority: " + value;
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "negligible" -> new DistroStatus(label,
                        "Ubuntu rates this negligible, a kind it usually leaves out of its security updates", true);
                case "untriaged" -> new DistroStatus(label, "The Ubuntu security team has not triaged it yet", false);
                default -> new DistroStatus(label, "The Ubuntu security team rates it " + value, false);
            };
        }
        String label = distro + " urgency: " + value;
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "unimportant" -> new DistroStatus(label, "The " + distro + " security team rates this unimportant "
                    + "for its packages and plans no fix", true);
            case "end-of-life" -> new DistroStatus(label, distro + " no longer gives this package security support in "
                    + "this release, so no fix will come", true);
            case "not yet assigned" -> new DistroStatus(label, "The " + distro + " security team has not triaged it yet",
                    false);
            default -> new DistroStatus(label, "The " + distro + " security team rates it " + value, false);
        };
    }
}
