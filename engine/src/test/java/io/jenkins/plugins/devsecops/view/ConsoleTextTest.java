package io.jenkins.plugins.devsecops.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleTextTest {

    @Test
    void shouldEscapeEveryControlCharacterSoANameCannotForgeALineOrDriveTheTerminal() {
        String name = "x\u001b[31m.txt\r\nFAKE: Policy PASSED\u0007\u0000\u007f\u009b\u202Etxt.exe\u2028";

        String escaped = ConsoleText.escape(name);

        assertThat(escaped).isEqualTo("x\\e[31m.txt\\r\\nFAKE: Policy PASSED\\x07\\x00\\x7F\\x9B\\u202Etxt.exe\\u2028");
        assertThat(escaped).doesNotContain("\n", "\r", "\u001b", "\u202E");
        assertThat(ConsoleText.needsEscaping(name)).isTrue();
    }

    @Test
    void shouldKeepOrdinaryTextAsIs() {
        assertThat(ConsoleText.escape("src/café/back\\slash.env: 日本")).isEqualTo("src/café/back\\slash.env: 日本");
        assertThat(ConsoleText.needsEscaping("plain")).isFalse();
        assertThat(ConsoleText.escape(null)).isEqualTo("null");
    }
}
