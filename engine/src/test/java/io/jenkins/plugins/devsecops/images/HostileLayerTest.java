package io.jenkins.plugins.devsecops.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.images.layer.LayerContents;
import io.jenkins.plugins.devsecops.images.layer.LayerEntry;
import io.jenkins.plugins.devsecops.images.layer.LayerLimits;
import io.jenkins.plugins.devsecops.images.layer.LayerReader;
import io.jenkins.plugins.devsecops.images.layer.MergedFilesystem;
import io.jenkins.plugins.devsecops.model.Report;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile layers: names and links leading outside the image, duplicates, truncation, decompression bombs, forged
 * digests, whiteouts and link loops. Nothing is ever written to disk, each problem is an error on its layer, and
 * what could be read is used.
 */
class HostileLayerTest {

    @TempDir
    Path temp;

    private static LayerContents read(byte[] layer) {
        return new LayerReader(LayerLimits.defaults(), path -> true).read(new ByteArrayInputStream(layer), null,
                LayerReader.DigestOf.NONE);
    }

    private static String text(MergedFilesystem fs, String path) {
        return fs.content(path).map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null);
    }

    @Test
    void shouldNormalizeAbsoluteNamesAndRefuseNamesAndHardLinksAboveTheRoot() throws IOException {
        LayerContents contents = read(TestLayer.create()
                .file("/etc/os-release", "ID=debian\n")
                .file("./etc/hostname", "box")
                .file("../../../../tmp/evil", "x")
                .file("etc/../../outside", "x")
                .hardlink("etc/shadow", "../../../etc/shadow")
                .tar());

        assertThat(contents.entries()).extracting(LayerEntry::path).containsExactly("etc/os-release", "etc/hostname");
        assertThat(contents.errors()).singleElement().asString()
                .contains("3 entries with names leading outside the image were ignored", "../../../../tmp/evil");
    }

    @Test
    void shouldResolveSymbolicLinksInsideTheImageOnly() throws IOException {
        MergedFilesystem fs = new MergedFilesystem();
        fs.apply(0, read(TestLayer.create()
                .file("etc/os-release", "ID=alpine\n")
                .symlink("var/lib/dpkg", "/../../../../../etc")
                .symlink("escape", "../../../../../../etc/os-release")
                .symlink("loop-a", "loop-b")
                .symlink("loop-b", "loop-a")
                .hardlink("etc/copy", "etc/os-release")
                .tar()));

        // an absolute or ..-heavy target stops at the image root: the host's /etc is never reached
        assertThat(text(fs, "var/lib/dpkg/os-release")).isEqualTo("ID=alpine\n");
        assertThat(text(fs, "escape")).isEqualTo("ID=alpine\n");
        assertThat(text(fs, "etc/copy")).isEqualTo("ID=alpine\n");
        assertThat(fs.resolve("loop-a")).isEmpty();
    }

    @Test
    void shouldKeepTheLastOfDuplicateEntriesAndSayHowManyThereWere() throws IOException {
        LayerContents contents = read(TestLayer.create().file("etc/os-release", "ID=first\n")
                .file("etc/os-release", "ID=second\n").tar());

        assertThat(contents.entries()).singleElement().satisfies(e -> assertThat(new String(e.content(),
                StandardCharsets.UTF_8)).isEqualTo("ID=second\n"));
        assertThat(contents.errors()).containsExactly("1 duplicate entries (the last one of each was used)");
    }

    @Test
    void shouldApplyWhiteoutsAndOpaqueDirectoriesToLowerLayersOnly() throws IOException {
        MergedFilesystem fs = new MergedFilesystem();
        fs.apply(0, read(TestLayer.create().file("a/one", "1").file("a/two", "2").file("b/old", "o")
                .file("c/kept", "k").tar()));
        fs.apply(1, read(TestLayer.create().whiteout("a/one").opaque("b").file("b/new", "n").tar()));

        assertThat(fs.resolve("a/one")).isEmpty();
        assertThat(text(fs, "a/two")).isEqualTo("2");
        assertThat(fs.resolve("b/old")).isEmpty();
        assertThat(text(fs, "b/new")).isEqualTo("n");
        assertThat(fs.resolve("b/new").orElseThrow().layer()).isEqualTo(1);
        assertThat(text(fs, "c/kept")).isEqualTo("k");
    }

    @Test
    void shouldUseWhatATruncatedLayerHeldAndNameTheTruncation() throws IOException {
        byte[] tar = TestLayer.create().file("etc/os-release", "ID=debian\n").file("big", new byte[100_000]).tar();

        LayerContents contents = read(Arrays.copyOf(tar, 20_000));

        assertThat(contents.entries()).extracting(LayerEntry::path).contains("etc/os-release");
        assertThat(contents.errors()).singleElement().asString().contains("layer is truncated or corrupt");
        assertThat(read(TestLayer.gzip(tar).length > 100 ? Arrays.copyOf(TestLayer.gzip(tar), 100) : tar).errors())
                .singleElement().asString().contains("truncated or corrupt");
    }

    @Test
    void shouldStopADecompressionBomb() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (GZIPOutputStream out = new GZIPOutputStream(bomb)) {
            out.write(TestLayer.create().file("etc/os-release", "ID=debian\n").tar());
            for (int i = 0; i < 100; i++) {
                out.write(zeros); // 100 MiB of zeros: a tar of empty blocks that compresses ~1000:1
            }
        }

        LayerContents contents = read(bomb.toByteArray());

        assertThat(bomb.size()).isLessThan(1 << 20);
        assertThat(contents.errors()).anySatisfy(e -> assertThat(e).contains("decompression bomb"));
    }

    @Test
    void shouldCapTheUncompressedSizeOfALayer() throws IOException {
        LayerLimits small = new LayerLimits(64 * 1024, 200, 1000, 1 << 20, 1 << 20);
        byte[] tar = TestLayer.create().file("etc/os-release", "ID=debian\n").file("big", new byte[200_000]).tar();

        LayerContents contents = new LayerReader(small, p -> true).read(new ByteArrayInputStream(tar), null,
                LayerReader.DigestOf.NONE);

        assertThat(contents.errors()).singleElement().asString().contains("more than 65536 bytes uncompressed");
        assertThat(contents.entries()).extracting(LayerEntry::path).contains("etc/os-release");
    }

    @Test
    void shouldRefuseALayerThatDoesNotMatchItsDigestAndNeverCacheIt() throws Exception {
        TestLayer layer = TestLayer.create().file("etc/os-release", "ID=debian\nVERSION_ID=12\n")
                .file("var/lib/dpkg/status", "Package: forged\nVersion: 1.0\n");
        Path forged = TestImage.of(layer).dockerArchive(temp.resolve("forged.tar"), bytes -> {
            byte[] copy = bytes.clone();
            int at = indexOf(copy, "forged");
            copy[at] = 'F';
            return copy;
        });
        ImageStageTest test = new ImageStageTest();
        test.temp = temp;

        Report first = test.scan("images.refs", forged.toString());
        Report second = test.scan("images.refs", forged.toString());

        assertThat(ImageStageTest.stage(first).errors()).singleElement().satisfies(e ->
                assertThat(e.message()).contains("content does not match its digest"));
        assertThat(ImageStageTest.stage(second).properties().get("image." + forged)).contains("(0 cached");
    }

    private static int indexOf(byte[] bytes, String text) {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException(text);
    }

    @Test
    void shouldReportAnArchiveWhoseManifestNamesFilesOutsideIt() throws Exception {
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("manifest.json", "[{\"Config\":\"../../../etc/passwd\",\"Layers\":[]}]".getBytes(StandardCharsets.UTF_8));
        Path archive = TestImage.writeTar(temp.resolve("escape.tar"), files);
        ImageStageTest test = new ImageStageTest();
        test.temp = temp;

        Report report = test.scan("images.refs", archive.toString());

        assertThat(ImageStageTest.stage(report).errors()).singleElement().satisfies(e ->
                assertThat(e.message()).contains("names a file outside it"));
    }

}
