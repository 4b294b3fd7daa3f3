package io.jenkins.plugins.devsecops.iac;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.iac.dockerfile.DockerfileNames;
import io.jenkins.plugins.devsecops.scan.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link IacScanner#kindOf} lowers a name once and hands it to {@link DockerfileNames#isCandidateLowered}; these tests
 * compare it, and {@link IacScanner#accepts}, with the checks as they were (each lowering the name itself), for every
 * file name of this repository and for names whose lower case is not plain ASCII lowering.
 */
class FileNameKindsTest {

    private static final Set<String> OTHER_LANGUAGES = Set.of("java", "kt", "groovy", "scala", "go", "py", "js",
            "mjs", "ts", "rb", "rs", "cs", "c", "h", "cpp", "php", "md", "adoc", "rst", "html", "json", "yaml",
            "yml", "xml", "toml", "sh", "bash", "ps1", "bat", "j2", "tpl", "erb", "mustache", "tmpl");

    /** The Dockerfile name check as it was. */
    private static boolean wasDockerfileCandidate(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        String exact = fileName.toLowerCase(Locale.ROOT);
        if (exact.equals("dockerfile") || exact.equals("containerfile")
                || lower.endsWith(".dockerfile") && lower.length() > ".dockerfile".length()) {
            return true;
        }
        for (String prefix : new String[] {"dockerfile.", "dockerfile_", "dockerfile-", "containerfile."}) {
            if (lower.startsWith(prefix) && lower.length() > prefix.length()) {
                String rest = lower.substring(prefix.length());
                return !prefix.endsWith(".") || !OTHER_LANGUAGES.contains(rest);
            }
        }
        return false;
    }

    /** {@link IacScanner#kindOf} as it was. */
    private static IacScanner.FileKind wasKindOf(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tf")) {
            return IacScanner.FileKind.TERRAFORM;
        }
        if (lower.endsWith(".tf.json")) {
            return IacScanner.FileKind.TERRAFORM_JSON;
        }
        if (wasDockerfileCandidate(fileName)) {
            return IacScanner.FileKind.DOCKERFILE;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return IacScanner.FileKind.YAML;
        }
        if (lower.endsWith(".json") || lower.endsWith(".template")) {
            return IacScanner.FileKind.JSON;
        }
        return IacScanner.FileKind.NONE;
    }

    private static Set<String> namesOfThisRepository() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(Path.of("..").toAbsolutePath().normalize())) {
            walk.filter(p -> !p.toString().contains("/.git/") && !p.toString().contains("/target/"))
                    .forEach(p -> names.add(p.getFileName() == null ? "" : p.getFileName().toString()));
        }
        return names;
    }

    private static final List<String> ODD_NAMES = List.of("Dockerfile", "DOCKERFILE", "Containerfile.Fedora",
            "api.DockerFile", "Doc\u212Aerfile", "doc\u212Aerfile.prod", "x.doc\u212Aerfile", "main.T\u0046",
            "DockerfİLE", "Dockerfİle.prod", "İ.yaml", "x.YAML", "x.Yml", "x.JSON", "stack.TEMPLATE",
            "a.TF.JSON", "a.tF", "ß.tf", "Σ.yaml", "ΑΣ.json", "Dockerfile.", ".dockerfile", "dockerfile_",
            "Dockerfile.JAVA", "Dockerfile.Md", "Dockerfile.ΣΣ", "values.yaml", "_helpers.tpl", "", "\u0130");

    @Test
    void shouldGiveEveryNameTheKindItHadBefore() throws IOException {
        List<String> names = new ArrayList<>(namesOfThisRepository());
        assertThat(names).hasSizeGreaterThan(2000);
        names.addAll(ODD_NAMES);
        int iac = 0;
        for (String name : names) {
            assertThat(IacScanner.kindOf(name)).as(name).isEqualTo(wasKindOf(name));
            assertThat(DockerfileNames.isCandidate(name)).as(name).isEqualTo(wasDockerfileCandidate(name));
            assertThat(DockerfileNames.isCandidateLowered(name.toLowerCase(Locale.ROOT))).as(name)
                    .isEqualTo(wasDockerfileCandidate(name));
            iac += IacScanner.kindOf(name) != IacScanner.FileKind.NONE ? 1 : 0;
        }
        assertThat(iac).as("distinct IaC file names").isGreaterThan(50);
    }

    @Test
    void shouldAcceptTheFilesItAcceptedBefore() throws IOException {
        IacScanner scanner = new IacScanner(IacRuleCatalog.builtIn());
        List<String> directories = List.of("", "charts/web/templates/", ".terraform/modules/", "a/.terraform/b/",
                ".devsecops/iac-rules/", "deploy/");
        List<String> names = new ArrayList<>(namesOfThisRepository());
        names.addAll(ODD_NAMES);
        for (String name : names) {
            for (String directory : directories) {
                if (name.isEmpty()) {
                    continue;
                }
                String path = directory + name;
                SourceFile file = SourceFile.ofContent(path, "x: 1\n".getBytes(StandardCharsets.UTF_8));
                boolean before = (wasKindOf(name) != IacScanner.FileKind.NONE
                        || name.endsWith(".tpl") && IacScanner.isHelmTemplatePath(path))
                        && !path.startsWith(IacScanner.CUSTOM_RULES_DIRECTORY + "/")
                        && !IacScanner.isTerraformCache(path) && !file.isBinary();
                assertThat(scanner.accepts(file)).as(path).isEqualTo(before);
            }
        }
    }
}
