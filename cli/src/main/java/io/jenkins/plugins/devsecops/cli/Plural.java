package io.jenkins.plugins.devsecops.cli;

/** A count with its noun in the right number: {@code 1 error}, {@code 2 errors}. */
final class Plural {

    private Plural() {
    }

    /** {@code count} and {@code noun}, with an {@code s} unless the count is one. */
    static String of(long count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }
}
