package io.jenkins.plugins.devsecops.dast.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code Disallow}/{@code Allow} rules of a {@code robots.txt} that apply to the scanner: those of its own
 * user agent's group when there is one, else of {@code *}. The longest matching rule wins; {@code *} and a final
 * {@code $} are understood. Matching is a plain character walk, linear in the path times the rule.
 */
public final class RobotsRules {

    /** The product token the scanner sends and looks for in {@code robots.txt}. */
    public static final String AGENT = "devsecops-dast";

    private static final int MAX_RULES = 1000;

    private final List<String> allow;
    private final List<String> disallow;

    private RobotsRules(List<String> allow, List<String> disallow) {
        this.allow = List.copyOf(allow);
        this.disallow = List.copyOf(disallow);
    }

    /** Rules that allow everything. */
    public static RobotsRules none() {
        return new RobotsRules(List.of(), List.of());
    }

    /** Parses a {@code robots.txt}; unknown lines are ignored, as robots parsers do. */
    public static RobotsRules parse(String text) {
        List<String> starAllow = new ArrayList<>();
        List<String> starDisallow = new ArrayList<>();
        List<String> ownAllow = new ArrayList<>();
        List<String> ownDisallow = new ArrayList<>();
        boolean star = false;
        boolean own = false;
        boolean inAgents = false;
        for (String raw : text.split("\r\n|\r|\n", 20_000)) {
            String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String field = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (field.equals("user-agent")) {
                if (!inAgents) {
                    star = false;
                    own = false;
                }
                inAgents = true;
                String agent = value.toLowerCase(Locale.ROOT);
                star |= agent.equals("*");
                own |= agent.equals(AGENT);
                continue;
            }
            inAgents = false;
            if (value.isEmpty() || starDisallow.size() + ownDisallow.size() + starAllow.size() + ownAllow.size() > MAX_RULES) {
                continue;
            }
            if (field.equals("disallow")) {
                (own ? ownDisallow : star ? starDisallow : new ArrayList<String>()).add(value);
            } else if (field.equals("allow")) {
                (own ? ownAllow : star ? starAllow : new ArrayList<String>()).add(value);
            }
        }
        boolean hasOwn = !ownAllow.isEmpty() || !ownDisallow.isEmpty();
        return hasOwn ? new RobotsRules(ownAllow, ownDisallow) : new RobotsRules(starAllow, starDisallow);
    }

    /** Whether the path (with its query) may be fetched. */
    public boolean allows(String pathAndQuery) {
        int allowLength = longestMatch(allow, pathAndQuery);
        int disallowLength = longestMatch(disallow, pathAndQuery);
        return disallowLength < 0 || allowLength >= disallowLength;
    }

    /** How many rules there are. */
    public int size() {
        return allow.size() + disallow.size();
    }

    private static int longestMatch(List<String> rules, String path) {
        int best = -1;
        for (String rule : rules) {
            if (rule.length() > best && matches(rule, path)) {
                best = rule.length();
            }
        }
        return best;
    }

    /** Prefix match with {@code *} as any run and a trailing {@code $} as the end; greedy-free, linear per star. */
    static boolean matches(String rule, String path) {
        boolean anchored = rule.endsWith("$");
        String body = anchored ? rule.substring(0, rule.length() - 1) : rule;
        String[] parts = body.split("\\*", -1);
        int position = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == 0) {
                if (!path.startsWith(part)) {
                    return false;
                }
                position = part.length();
            } else if (i == parts.length - 1 && anchored) {
                return path.length() - part.length() >= position && path.endsWith(part);
            } else {
                int found = path.indexOf(part, position);
                if (found < 0) {
                    return false;
                }
                position = found + part.length();
            }
        }
        return !anchored || position == path.length();
    }
}
