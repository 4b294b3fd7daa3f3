package io.jenkins.plugins.devsecops.sast;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.testing.ProjectFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .properties} files of one name are read as one: the code's {@code getProperty} sees the keys of every file of
 * that name, however many there are (Jenkins alone has hundreds of {@code Messages.properties}).
 */
class PropertiesFilesTest {

    @TempDir
    Path root;

    private static final String CODE = """
            package app;

            import java.io.InputStream;
            import java.util.Properties;
            import javax.crypto.Cipher;

            public class Settings {
                public void run() throws Exception {
                    Properties props = new Properties();
                    try (InputStream in = Settings.class.getClassLoader().getResourceAsStream("app.properties")) {
                        props.load(in);
                    }
                    Cipher.getInstance(props.getProperty("cipher.first", "AES/GCM/NoPadding"));
                    Cipher.getInstance(props.getProperty("cipher.last", "AES/GCM/NoPadding"));
                    Cipher.getInstance(props.getProperty("cipher.strong", "AES/GCM/NoPadding"));
                }
            }
            """;

    @Test
    void shouldSeeTheKeysOfEveryFileOfOneName() throws Exception {
        ProjectFiles.write(root, "src/app/Settings.java", CODE);
        ProjectFiles.write(root, "a/app.properties", "cipher.first=DES/ECB/PKCS5Padding\n");
        for (int i = 0; i < 300; i++) {
            ProjectFiles.write(root, "m" + i + "/app.properties",
                    "unrelated." + i + "=x\ncipher.strong=AES/GCM/NoPadding\n");
        }
        ProjectFiles.write(root, "z/app.properties", "cipher.last=RC4\n");

        Report report = SastFixturesTest.scan(root);

        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("weak-cipher"))
                .extracting(f -> f.location().startLine()).containsExactlyInAnyOrder(13, 14);
    }
}
