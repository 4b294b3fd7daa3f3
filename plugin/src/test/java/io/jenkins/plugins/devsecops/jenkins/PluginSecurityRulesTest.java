package io.jenkins.plugins.devsecops.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;

/**
 * Executable security rules over the plugin's own classes and views, without starting Jenkins: every form endpoint
 * is POST-only, and every Jelly view escapes by default and carries no inline script or event handler (CSP).
 */
class PluginSecurityRulesTest {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path VIEWS = Path.of("src", "main", "resources");
    private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);

    private static List<Class<?>> pluginClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES.resolve("io/jenkins/plugins/devsecops/jenkins"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, PluginSecurityRulesTest.class.getClassLoader()));
            }
        }
        return classes;
    }

    private static List<Path> views() throws IOException {
        try (Stream<Path> files = Files.walk(VIEWS)) {
            return files.filter(f -> f.toString().endsWith(".jelly")).toList();
        }
    }

    @Test
    void shouldMakeEveryFormEndpointPostOnly() throws Exception {
        // Given the plugin's classes
        List<Method> endpoints = new ArrayList<>();
        for (Class<?> type : pluginClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers())
                        && (method.getName().startsWith("doCheck") || method.getName().startsWith("doFill"))) {
                    endpoints.add(method);
                }
            }
        }

        // Then there are endpoints, and each one answers POST only
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(8);
        assertThat(endpoints).allSatisfy(method -> assertThat(method.isAnnotationPresent(POST.class))
                .as(method.toString()).isTrue());
    }

    @Test
    void shouldEscapeEveryViewAndUseNoInlineScript() throws Exception {
        List<Path> views = views();

        assertThat(views).hasSizeGreaterThanOrEqualTo(6);
        for (Path view : views) {
            String text = Files.readString(view, StandardCharsets.UTF_8);
            assertThat(text).as(view.toString()).contains("<?jelly escape-by-default='true'?>");
            assertThat(INLINE_HANDLER.matcher(text).find()).as(view + " has an inline event handler").isFalse();
            assertThat(INLINE_SCRIPT.matcher(text).find()).as(view + " has an inline script").isFalse();
        }
    }
}
