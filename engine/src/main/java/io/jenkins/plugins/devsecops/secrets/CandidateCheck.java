package io.jenkins.plugins.devsecops.secrets;

/**
 * A rule-specific test a match must pass before it is reported, beyond its pattern and entropy: e.g. the generic
 * assignment rule's stop-words. Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface CandidateCheck {

    /** Accepts every match. */
    CandidateCheck ANY = (path, text, secretStart, secretEnd) -> true;

    /**
     * Whether the secret at {@code [secretStart, secretEnd)} of {@code text}, in the file at {@code path}, is worth
     * reporting.
     */
    boolean accepts(String path, CharSequence text, int secretStart, int secretEnd);
}
