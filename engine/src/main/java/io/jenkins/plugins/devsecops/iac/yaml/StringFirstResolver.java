package io.jenkins.plugins.devsecops.iac.yaml;

import java.util.Set;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's default resolver, answering without its regular expressions for every plain scalar that does not start
 * like a number: every scalar of ten characters or fewer was matched against the null and empty patterns, and most
 * keys and values against one or two more, which was a tenth of parsing an IaC file.
 *
 * <p>Exact by construction. SnakeYAML 2 tries the patterns listed under the scalar's first character, in the order
 * they were added (bool, int, float, merge, null, timestamp, YAML indicators), then those listed under no character
 * (null, empty), each only up to its length limit (10 characters for all but int, float and timestamp). Only int,
 * float and timestamp need a pattern, and only they apply to a scalar starting with a sign, a digit or a dot: those
 * scalars go to SnakeYAML. Every other one can only be one of the fixed words of the other patterns, which are
 * compared here in the same order.
 */
final class StringFirstResolver extends Resolver {

    /** What Resolver.BOOL matches. */
    private static final Set<String> BOOLS = Set.of("yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
            "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF");
    /** What Resolver.NULL matches. */
    private static final Set<String> NULLS = Set.of("~", "null", "Null", "NULL", " ");

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        if (kind != NodeId.scalar || !implicit || !value.isEmpty() && startsLikeNumber(value.charAt(0))) {
            return super.resolve(kind, value, implicit);
        }
        if (value.isEmpty()) {
            return Tag.NULL; // the empty pattern
        }
        char first = value.charAt(0);
        // the patterns listed under the first character, in SnakeYAML's order
        // the words are 2 to 5 characters long (1 to 4 for null): a longer value is not hashed to be looked up
        if ("yYnNtTfFoO".indexOf(first) >= 0 && value.length() <= 5 && BOOLS.contains(value)) {
            return Tag.BOOL;
        }
        if (first == '<' && value.equals("<<")) {
            return Tag.MERGE;
        }
        if ("~nN".indexOf(first) >= 0 && value.length() <= 4 && NULLS.contains(value)) {
            return Tag.NULL;
        }
        if ("!&*".indexOf(first) >= 0 && value.length() == 1) {
            return Tag.YAML;
        }
        // the patterns listed under no character: null (" " is only found here), then empty (not this value)
        return value.length() <= 4 && NULLS.contains(value) ? Tag.NULL : Tag.STR;
    }

    /** Whether the int, float or timestamp patterns are listed under this first character. */
    static boolean startsLikeNumber(char c) {
        return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.';
    }
}
