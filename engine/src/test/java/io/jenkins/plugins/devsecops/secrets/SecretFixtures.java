package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Copies fixture trees out of {@code src/test/resources/secrets/} and scans them with the real engine. */
final class SecretFixtures {

    private SecretFixtures() {
    }

    /** Copies the fixture directory {@code name} into {@code target}. */
    static void copy(String name, Path target) throws IOException {
        URL url = SecretFixtures.class.getResource("/secrets/" + name);
        if (url == null) {
            throw new IllegalArgumentException("No fixture " + name);
        }
        Path source;
        try {
            source = Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> paths = Files.walk(source)) {
            paths.forEach(path -> {
                Path destination = target.resolve(source.relativize(path).toString());
                try {
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(destination);
                    } else {
                        try (InputStream in = Files.newInputStream(path)) {
                            Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Scans {@code root} with the secrets stage only. */
    static Report scan(Path root) throws IOException, InterruptedException {
        return scan(root, builder -> {
        });
    }

    /** Scans {@code root} with the secrets stage only, after {@code options} adjusted the request. */
    static Report scan(Path root, Consumer<ScanRequest.Builder> options) throws IOException, InterruptedException {
        ScanRequest.Builder request = ScanRequest.builder(root).stage(SecretsStage.ID).threads(2);
        options.accept(request);
        return new ScanEngine(new StageCatalog(List.of(new SecretsStage()))).scan(request.build(), ProgressListener.NONE);
    }
}
