package io.jenkins.plugins.devsecops.sast;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.sast.ir.UnitIr;
import io.jenkins.plugins.devsecops.sast.rules.SyntaxFinding;
import io.jenkins.plugins.devsecops.sast.rules.SyntaxRule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.jenkins.plugins.devsecops.testing.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java file byte-identical to one parsed earlier in the scan is not parsed again, and the scan's findings and notes
 * are exactly those of a scan where the copy differs by one byte and is parsed.
 */
class IdenticalFilesTest {

    @TempDir
    Path temp;

    private static final String INSECURE = """
            package app;

            import javax.crypto.spec.SecretKeySpec;
            import javax.net.ssl.HttpsURLConnection;
            import javax.servlet.http.HttpServletRequest;
            import javax.xml.parsers.DocumentBuilderFactory;

            public class Insecure {

                void configure(HttpsURLConnection connection) throws Exception {
                    connection.setHostnameVerifier((host, session) -> true);
                    // devsecops:ignore xml-external-entities parsed from a trusted file
                    DocumentBuilderFactory.newInstance().newDocumentBuilder();
                }

                @SuppressWarnings("devsecops:hard-coded-crypto-key")
                SecretKeySpec key() {
                    return new SecretKeySpec("0123456789abcdef".getBytes(), "AES");
                }

                void run(HttpServletRequest request) throws Exception {
                    Runtime.getRuntime().exec(request.getParameter("c"));
                }
            }
            """;
    private static final String BROKEN = "package app; public class Broken { void x( { }";

    private static void write(Path root, String path, String content) throws Exception {
        ProjectFiles.write(root, path, content);
    }

    /** A finding without the copy it is in: its rule, place in the copy, message and suppression. */
    private static List<String> withoutCopy(Report report) {
        return report.findings().stream().map(IdenticalFilesTest::describe).sorted().toList();
    }

    private static String describe(Finding f) {
        String path = f.location().path();
        return f.ruleId() + " " + path.substring(path.indexOf('/') + 1) + ":" + f.location().startLine() + " "
                + f.message() + (f.isSuppressed() ? " suppressed by " + f.suppression().kind() : "");
    }

    private static List<String> errorsWithoutCopy(Report report) {
        return report.stages().get(0).errors().stream()
                .map(e -> e.path().substring(e.path().indexOf('/') + 1) + " " + e.message()).sorted().toList();
    }

    @Test
    void shouldReportAByteIdenticalCopyExactlyAsACopyThatIsParsed() throws Exception {
        Path identical = temp.resolve("identical");
        Path differing = temp.resolve("differing");
        for (String copy : List.of("one", "two")) {
            write(identical, copy + "/app/Insecure.java", INSECURE);
            write(identical, copy + "/app/Broken.java", BROKEN);
        }
        write(differing, "one/app/Insecure.java", INSECURE);
        write(differing, "one/app/Broken.java", BROKEN);
        write(differing, "two/app/Insecure.java", INSECURE + "\n");
        write(differing, "two/app/Broken.java", BROKEN + " ");

        Report skipped = SastFixturesTest.scan(identical);
        Report parsed = SastFixturesTest.scan(differing);

        assertThat(withoutCopy(skipped)).isEqualTo(withoutCopy(parsed));
        assertThat(errorsWithoutCopy(skipped)).isEqualTo(errorsWithoutCopy(parsed));
        // the syntax hits, suppressed or not, are in both copies; the flow once, in the copy whose class was kept
        for (String copy : List.of("one/", "two/")) {
            assertThat(skipped.findings()).filteredOn(f -> f.location().path().startsWith(copy))
                    .extracting(f -> f.ruleId() + ":" + f.isSuppressed())
                    .contains("hostname-verifier-accepts-all:false", "xml-external-entities:true",
                            "hard-coded-crypto-key:true");
            assertThat(skipped.stages().get(0).errors()).anySatisfy(e -> {
                assertThat(e.path()).isEqualTo(copy + "app/Broken.java");
                assertThat(e.message()).startsWith("could not parse");
            });
        }
        assertThat(skipped.findings()).filteredOn(f -> f.ruleId().equals("command-injection")).hasSize(1);
    }

    @Test
    void shouldParseOnlyTheFirstFileOfAContentAndHandItsOutcomeToTheOthers() throws Exception {
        IdenticalFiles files = new IdenticalFiles();
        byte[] content = INSECURE.getBytes(StandardCharsets.UTF_8);

        IdenticalFiles.Claim first = files.claim(content);
        IdenticalFiles.Claim second = files.claim(content.clone());
        IdenticalFiles.Claim other = files.claim((INSECURE + " ").getBytes(StandardCharsets.UTF_8));

        assertThat(first.first()).isTrue();
        assertThat(second.first()).isFalse();
        assertThat(other.first()).isTrue();
        CompletableFuture<IdenticalFiles.Outcome> waiting = CompletableFuture.supplyAsync(second::earlier);
        Thread.sleep(50);
        assertThat(waiting).as("a copy waits for the first file's outcome").isNotDone();
        SyntaxFinding hit = new SyntaxFinding(SyntaxRule.values()[0], "one/app/Insecure.java", 11,
                "Insecure.configure", "detail");
        first.done(IdenticalFiles.Outcome.of(new UnitIr("one/app/Insecure.java", List.of(),
                Map.of(13, List.of("xml-external-entities")), List.of("a note")), true, List.of(hit)));
        IdenticalFiles.Outcome outcome = waiting.get(10, TimeUnit.SECONDS);

        assertThat(outcome.hitsAt("two/app/Insecure.java")).containsExactly(new SyntaxFinding(hit.rule(),
                "two/app/Insecure.java", 11, "Insecure.configure", "detail"));
        UnitIr moved = outcome.unitAt("two/app/Insecure.java");
        assertThat(moved.path()).isEqualTo("two/app/Insecure.java");
        assertThat(moved.ignoredLines()).isEqualTo(Map.of(13, List.of("xml-external-entities")));
        assertThat(moved.notes()).containsExactly("a note");
    }

    @Test
    void shouldLetACopyParseItselfWhenTheFirstFileGotNoOutcome() {
        IdenticalFiles files = new IdenticalFiles();
        IdenticalFiles.Claim first = files.claim(new byte[] {1, 2, 3});
        IdenticalFiles.Claim second = files.claim(new byte[] {1, 2, 3});

        first.done(null);
        first.done(IdenticalFiles.Outcome.of(new UnitIr("a", List.of(), Map.of(), List.of()), false, List.of()));

        assertThat(second.first()).isFalse();
        assertThat(second.earlier()).as("the first call to done counts").isNull();
    }

    /**
     * Contents of 16 bytes with equal length and equal fast hash: the hash mixes eight bytes at a time, so a second
     * block chosen from the state after the first makes any number of contents collide.
     */
    private static List<byte[]> colliding(int count) {
        List<byte[]> contents = new java.util.ArrayList<>();
        for (int k = 0; k < count; k++) {
            long first = 0x0123456789ABCDEFL * (k + 1);
            long state = (0x9E3779B97F4A7C15L ^ 16) ^ first;
            state *= 0xFF51AFD7ED558CCDL;
            state ^= state >>> 32;
            long second = state ^ 0x5555AAAA5555AAAAL;
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            bytes.putLong(first).putLong(second);
            contents.add(bytes.array());
        }
        return contents;
    }

    private void assertCollidingContentsAreToldApart() {
        List<byte[]> contents = colliding(IdenticalFiles.MAX_CONTENTS_PER_KEY + 2);
        for (int k = 1; k < contents.size(); k++) {
            assertThat(IdenticalFiles.hash(contents.get(k))).isEqualTo(IdenticalFiles.hash(contents.get(0)));
            assertThat(contents.get(k)).isNotEqualTo(contents.get(0));
        }
        try (IdenticalFiles files = new IdenticalFiles()) {
            List<IdenticalFiles.Claim> firsts = new java.util.ArrayList<>();
            for (byte[] content : contents) {
                IdenticalFiles.Claim claim = files.claim(content);
                assertThat(claim.first()).as("a different content with the same key is no copy").isTrue();
                firsts.add(claim);
            }
            for (int k = 0; k < contents.size(); k++) {
                IdenticalFiles.Outcome outcome = IdenticalFiles.Outcome.of(new UnitIr("f" + k, List.of(), Map.of(),
                        List.of("note " + k)), false, List.of());
                firsts.get(k).done(outcome);
            }
            for (int k = 0; k < contents.size(); k++) {
                IdenticalFiles.Claim copy = files.claim(contents.get(k).clone());
                if (k < IdenticalFiles.MAX_CONTENTS_PER_KEY) {
                    assertThat(copy.first()).isFalse();
                    assertThat(copy.earlier().unitAt("g").notes()).containsExactly("note " + k);
                } else {
                    assertThat(copy.first()).as("contents past the cap of one key are parsed again").isTrue();
                }
            }
        }
    }

    @Test
    void shouldTellApartContentsMadeToCollideByComparingTheirBytes() {
        System.setProperty("devsecops.spill.dir", temp.toString());
        try {
            assertCollidingContentsAreToldApart();
        } finally {
            System.clearProperty("devsecops.spill.dir");
        }
    }

    @Test
    void shouldTellApartContentsMadeToCollideByTheirDigestsWithoutATemporaryFile() {
        System.setProperty("devsecops.spill.dir", temp.resolve("missing").toString());
        try {
            assertCollidingContentsAreToldApart();
        } finally {
            System.clearProperty("devsecops.spill.dir");
        }
    }

    @Test
    void shouldTakeEmptyAndLargeFilesByTheirBytes() {
        try (IdenticalFiles files = new IdenticalFiles()) {
            byte[] large = new byte[2 * 1024 * 1024 + 3];
            new java.util.Random(7).nextBytes(large);
            byte[] almost = large.clone();
            almost[large.length - 1] ^= 1;
            assertThat(files.claim(new byte[0]).first()).isTrue();
            assertThat(files.claim(new byte[0]).first()).isFalse();
            assertThat(files.claim(large).first()).isTrue();
            assertThat(files.claim(almost).first()).isTrue();
            assertThat(files.claim(large.clone()).first()).isFalse();
            assertThat(files.claim(almost.clone()).first()).isFalse();
        }
    }
}
