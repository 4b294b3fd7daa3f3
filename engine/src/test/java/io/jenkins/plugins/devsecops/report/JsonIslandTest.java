package io.jenkins.plugins.devsecops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonIslandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldEscapeEveryCharacterThatCouldLeaveTheScriptElement() throws Exception {
        // Given JSON holding a script end tag, a comment opener, an ampersand and JS line separators
        String hostile = "</script><!--<script>&amp;\u2028\u2029";
        String json = JSON.writeValueAsString(List.of(hostile));

        // When escaped for an island
        String island = JsonIsland.escape(json);

        // Then none of them is left raw, and the JSON still reads back to the same value
        assertThat(island).doesNotContain("<", ">", "&", "\u2028", "\u2029")
                .contains("\\u003c/script\\u003e", "\\u0026amp;", "\\u2028", "\\u2029");
        assertThat(JSON.readValue(island, List.class)).containsExactly(hostile);
    }
}
