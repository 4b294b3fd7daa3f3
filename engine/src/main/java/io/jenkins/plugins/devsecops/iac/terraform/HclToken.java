package io.jenkins.plugins.devsecops.iac.terraform;

/**
 * One lexical token of HCL.
 *
 * @param kind what sort of token
 * @param text the token's value: the identifier, the unescaped string, the heredoc body, the punctuation
 * @param start offset of its first character
 * @param end offset after its last character
 * @param line its 1-based line
 * @param contentLine for a heredoc, the line its body starts on
 * @param interpolated for a string, whether it holds a {@code ${...}} or {@code %{...}} sequence (not an escaped one)
 */
record HclToken(Kind kind, String text, int start, int end, int line, int contentLine, boolean interpolated) {

    enum Kind { IDENT, NUMBER, STRING, HEREDOC, PUNCT, NEWLINE, EOF }

    boolean is(String punct) {
        return kind == Kind.PUNCT && (text == punct || text.equals(punct));
    }
}
