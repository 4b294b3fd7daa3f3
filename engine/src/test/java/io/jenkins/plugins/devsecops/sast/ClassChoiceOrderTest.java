package io.jenkins.plugins.devsecops.sast;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.scan.FindingSink;
import io.jenkins.plugins.devsecops.scan.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two files declaring a class of the same name (two copies of a project, one patched): the whole-program analysis
 * takes the class of the file whose path sorts first, whatever the order in which the scan's threads hand the files
 * over, so that a scan finds the same flows every time.
 */
class ClassChoiceOrderTest {

    @TempDir
    Path temp;

    private static final String ENTRY = """
            package app;

            import javax.servlet.http.HttpServletRequest;

            public class Entry {
                void run(HttpServletRequest request) throws Exception {
                    Runtime.getRuntime().exec(Text.pass(request.getParameter("c")));
                }
            }
            """;
    /** Passes its argument through: the flow from the request reaches {@code exec}. */
    private static final String PASSING = """
            package app;

            public class Text {
                static String pass(String value) {
                    return value.trim();
                }
            }
            """;
    /** Returns a constant: no flow. */
    private static final String CONSTANT = """
            package app;

            public class Text {
                static String pass(String value) {
                    return "ls";
                }
            }
            """;

    private static SourceFile file(String path, String content) {
        return SourceFile.ofContent(path, content.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> scan(List<SourceFile> order) throws Exception {
        SastScanner scanner = new SastScanner(temp, 60, true, 2);
        List<String> found = new ArrayList<>();
        FindingSink sink = new FindingSink() {
            @Override
            public void report(Finding finding) {
                found.add(finding.ruleId() + " " + finding.location().path() + ":" + finding.location().startLine());
            }

            @Override
            public void error(String path, String message) {
            }

            @Override
            public void warning(String message) {
            }

            @Override
            public void skipped(String reason) {
            }

            @Override
            public void property(String key, String value) {
            }
        };
        for (SourceFile file : order) {
            scanner.scan(file, sink);
        }
        scanner.finish(sink);
        return found.stream().sorted().toList();
    }

    @Test
    void shouldTakeTheClassOfTheFirstPathWhateverTheOrderTheFilesArriveIn() throws Exception {
        SourceFile entry = file("a/app/Entry.java", ENTRY);
        SourceFile passing = file("a/app/Text.java", PASSING);
        SourceFile constant = file("b/app/Text.java", CONSTANT);

        List<String> inPathOrder = scan(List.of(entry, passing, constant));
        List<String> reversed = scan(List.of(constant, entry, passing));
        List<String> mixed = scan(List.of(passing, constant, entry));

        assertThat(inPathOrder).containsExactly("command-injection a/app/Entry.java:7");
        assertThat(reversed).isEqualTo(inPathOrder);
        assertThat(mixed).isEqualTo(inPathOrder);
    }

    @Test
    void shouldKeepTheConstantClassWhenItsPathSortsFirst() throws Exception {
        SourceFile entry = file("a/app/Entry.java", ENTRY);
        SourceFile constant = file("a/app/Text.java", CONSTANT);
        SourceFile passing = file("b/app/Text.java", PASSING);

        assertThat(scan(List.of(passing, entry, constant))).isEmpty();
        assertThat(scan(List.of(entry, constant, passing))).isEmpty();
    }
}
