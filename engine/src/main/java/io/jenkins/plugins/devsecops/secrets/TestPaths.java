package io.jenkins.plugins.devsecops.secrets;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises test code and fixtures by path: secrets found there are more often fakes, so their findings get a lower
 * confidence (never dropped).
 */
final class TestPaths {

    private static final Set<String> TEST_DIRECTORIES = Set.of(
            "test", "tests", "__tests__", "__test__", "fixtures", "fixture", "__fixtures__", "testdata", "test_data",
            "test-data", "spec", "specs", "mocks", "__mocks__", "testing", "e2e", "it", "src/test");

    private static final Pattern TEST_CLASS =
            Pattern.compile("(Test|Tests|IT|Spec)\\.(java|kt|groovy|scala|cs)$");

    private TestPaths() {
    }

    /** Whether {@code path} ({@code /}-separated) is test code or test data. */
    static boolean isTest(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String[] segments = lower.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (TEST_DIRECTORIES.contains(segments[i])) {
                return true;
            }
        }
        String name = segments[segments.length - 1];
        String original = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith("_test.go") || name.endsWith("_test.py") || name.startsWith("test_")
                || name.endsWith("_spec.rb") || name.contains(".test.") || name.contains(".spec.")
                || TEST_CLASS.matcher(original).find();
    }
}
