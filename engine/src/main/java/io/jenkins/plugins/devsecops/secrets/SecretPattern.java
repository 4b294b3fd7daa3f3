package io.jenkins.plugins.devsecops.secrets;

/**
 * A compiled secret pattern: finds matches in a region of a text and reports where the match and the secret value
 * (its capture group) are. Implementations are immutable and thread-safe.
 */
public interface SecretPattern {

    /** Receives one match: offsets into the whole text, end exclusive. */
    @FunctionalInterface
    interface MatchConsumer {
        void match(int matchStart, int matchEnd, int secretStart, int secretEnd);

        /** Whether the search should end now (the rule ran out of its budget for the file). */
        default boolean stopped() {
            return false;
        }
    }

    /** The pattern text as written in the rule. */
    String source();

    /** The number of capture groups. */
    int groupCount();

    /**
     * Reports every match that lies in {@code [from, to)} of {@code text}. Lookarounds and word boundaries may look
     * at characters around the region. Matches whose secret group did not take part are skipped.
     */
    void findAll(CharSequence text, int from, int to, MatchConsumer consumer);

    /**
     * Reports the match that starts exactly at {@code from}, if any, ending at most at {@code to}. Rules anchored at
     * their keyword use it: one attempt per keyword hit instead of a search of the line.
     */
    default void matchAt(CharSequence text, int from, int to, MatchConsumer consumer) {
        findAll(text, from, to, (matchStart, matchEnd, secretStart, secretEnd) -> {
            if (matchStart == from) {
                consumer.match(matchStart, matchEnd, secretStart, secretEnd);
            }
        });
    }
}
