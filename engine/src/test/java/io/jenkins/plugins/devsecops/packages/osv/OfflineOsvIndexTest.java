package io.jenkins.plugins.devsecops.packages.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.dependencies.OsvFixtures;
import io.jenkins.plugins.devsecops.packages.PackageKey;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineOsvIndexTest {

    @TempDir
    Path temp;

    private Path writeDirectory() throws Exception {
        Path dir = temp.resolve("osv");
        for (var entry : OsvFixtures.all().entrySet()) {
            Path file = dir.resolve(entry.getKey().substring(0, 2)).resolve(entry.getKey() + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, entry.getValue());
        }
        Files.writeString(dir.resolve("broken.json"), "{ not json");
        Files.writeString(dir.resolve("noid.json"), "{\"affected\": []}");
        return dir;
    }

    private Path writeZip(String name, String... idsAndJson) throws Exception {
        Path zip = temp.resolve(name);
        Files.createDirectories(zip.getParent());
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (int i = 0; i < idsAndJson.length; i += 2) {
                zipOut.putNextEntry(new ZipEntry(idsAndJson[i] + ".json"));
                zipOut.write(idsAndJson[i + 1].getBytes(StandardCharsets.UTF_8));
                zipOut.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void shouldIndexADirectoryOnceAndReuseItWhileUnchanged() throws Exception {
        // Given a directory of OSV records with two unreadable files
        Path dir = writeDirectory();
        Path indexDir = temp.resolve("index");

        // When
        OfflineOsvIndex first = OfflineOsvIndex.open(dir, indexDir);
        OfflineOsvIndex second = OfflineOsvIndex.open(dir, indexDir);

        // Then
        assertThat(first.info().detail()).startsWith("index built in").contains("2 unreadable records skipped");
        assertThat(first.info().recordCount()).as("the withdrawn record is left out").isEqualTo(6);
        assertThat(first.info().newestModified()).hasToString("2026-11-01T12:00:00Z");
        assertThat(second.info().detail()).startsWith("index reused");
        PackageQuery django = new PackageQuery(PackageKey.of(Ecosystem.PYPI, "DJANGO"), "2.2.10");
        PackageQuery unknown = new PackageQuery(PackageKey.of(Ecosystem.NPM, "left-pad"), "1.0.0");
        LookupResult result = second.lookup(List.of(django, unknown));
        assertThat(result.advisories().get(django)).extracting(OsvRecord::id)
                .containsExactlyInAnyOrder("PYSEC-2020-35", "GHSA-3gh2-xw74-jmcw");
        assertThat(result.advisories()).doesNotContainKey(unknown);
        assertThat(result.unchecked()).isEmpty();
    }

    @Test
    void shouldRebuildWhenTheSourceChanges() throws Exception {
        Path zip = writeZip("npm/all.zip", "GHSA-35jh-r3h4-6jhm", OsvFixtures.LODASH);
        Path indexDir = temp.resolve("index");
        OfflineOsvIndex.open(zip, indexDir);

        // When the export is replaced by a newer one
        writeZip("npm/all.zip", "GHSA-35jh-r3h4-6jhm", OsvFixtures.LODASH, "GO-2020-0001", OsvFixtures.GIN);
        Files.setLastModifiedTime(zip, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        OfflineOsvIndex rebuilt = OfflineOsvIndex.open(zip, indexDir);

        // Then
        assertThat(rebuilt.info().detail()).startsWith("index built");
        assertThat(rebuilt.info().kind()).isEqualTo("osv-zip");
        assertThat(rebuilt.info().recordCount()).isEqualTo(2);
        assertThat(Files.list(indexDir)).as("the former state's index is removed").hasSize(1);
        PackageQuery gin = new PackageQuery(PackageKey.of(Ecosystem.GO, "github.com/gin-gonic/gin"), "v1.5.0");
        assertThat(rebuilt.lookup(List.of(gin)).advisories().get(gin)).extracting(OsvRecord::id)
                .containsExactly("GO-2020-0001");
    }

    @Test
    void shouldReadADirectoryOfPerEcosystemZips() throws Exception {
        writeZip("exports/npm/all.zip", "GHSA-35jh-r3h4-6jhm", OsvFixtures.LODASH);
        writeZip("exports/Maven/all.zip", "GHSA-jfh8-c2jp-5v3q", OsvFixtures.LOG4SHELL);

        OfflineOsvIndex index = OfflineOsvIndex.open(temp.resolve("exports"), temp.resolve("idx"));

        assertThat(index.info().recordCount()).isEqualTo(2);
        assertThat(index.packageCount()).isEqualTo(2);
    }

    @Test
    void shouldRefuseMissingOrEmptySources() throws Exception {
        Files.createDirectories(temp.resolve("empty"));

        assertThatThrownBy(() -> OfflineOsvIndex.open(temp.resolve("missing"), temp.resolve("i1")))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> OfflineOsvIndex.open(temp.resolve("empty"), temp.resolve("i2")))
                .hasMessageContaining("holds no readable OSV record");
    }
}
