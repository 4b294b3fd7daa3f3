package io.jenkins.plugins.devsecops.iac.yaml;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's default resolver, answering {@code str} at once for a plain scalar that none of its implicit patterns
 * can match, instead of trying them one by one: every scalar of ten characters or fewer was matched against the null
 * and empty patterns, and most keys and values against one or two more, which was a tenth of parsing an IaC file.
 *
 * <p>Exact by construction: SnakeYAML 2 tries the patterns listed under the scalar's first character, then those
 * under no character (null, empty). Only these can match a scalar: bool (at most 5 characters), null (at most 4),
 * empty (0), merge (starts with {@code <}), the YAML indicators ({@code ! & *}), int, float and timestamp (start with
 * a sign, a digit or a dot). A scalar longer than 5 characters whose first character is none of those is therefore
 * a string whatever the patterns say; every other scalar is resolved by SnakeYAML itself.
 */
final class StringFirstResolver extends Resolver {

    /** The longest scalar a bool, null or empty pattern can match. */
    private static final int LONGEST_WORD = 5;

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        if (kind == NodeId.scalar && implicit && value.length() > LONGEST_WORD && !mayStartPattern(value.charAt(0))) {
            return Tag.STR;
        }
        return super.resolve(kind, value, implicit);
    }

    /** Whether a pattern other than bool, null and empty may match a scalar starting with {@code c}. */
    static boolean mayStartPattern(char c) {
        return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == '<' || c == '!' || c == '&'
                || c == '*' || c == '~' || c == '=';
    }
}
