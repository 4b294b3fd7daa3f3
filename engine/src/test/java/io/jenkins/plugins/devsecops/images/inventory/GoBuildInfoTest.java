package io.jenkins.plugins.devsecops.images.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Go build information, from a real Go 1.19.8 binary and from ELF files written from the documented layout. */
class GoBuildInfoTest {

    private static final String MODULES = """
            path\texample.com/server
            mod\texample.com/server\t(devel)\t
            dep\tgithub.com/gorilla/mux\tv1.8.0\th1:i40aqfkR1h2SlN9hojwV5ZA91wcXFOvkdNIeFDP5koI=
            dep\tgolang.org/x/net\tv0.7.0\th1:abc=
            =>\tgolang.org/x/net\tv0.17.0\th1:def=
            dep\tinternal.example/lib\tv0.0.1\t
            =>\t../lib\t(devel)\t
            build\tGOOS=linux
            """;

    private static List<String> modules(GoBuildInfo info) {
        return info.versionedModules().stream().map(m -> m.path() + "@" + m.version()).toList();
    }

    @Test
    void shouldReadTheRealBinaryAsGoVersionMPrintsIt() throws IOException {
        GoBuildInfo info = GoBuildInfo.read(GoBinaries.real());

        assertThat(info.goVersion()).isEqualTo("go1.19.8");
        assertThat(info.mainPath()).isEqualTo("example.com/imagefixture");
        // greeting is replaced by a local directory (no version); the main module is (devel)
        assertThat(modules(info)).containsExactly("golang.org/x/text@v0.3.7", "stdlib@1.19.8");
        assertThat(info.modules()).contains("dep\texample.com/greeting\tv1.2.0", "=>\t./dep\t(devel)");
        // the extract kept instead of the binary reads back the same
        assertThat(GoBuildInfo.parse(info.text())).isEqualTo(info);
    }

    @Test
    void shouldReadTheInlineFormat() throws IOException {
        GoBuildInfo info = GoBuildInfo.read(GoBinaries.inline("go1.22.1 X:boringcrypto", MODULES));

        assertThat(info.goVersion()).isEqualTo("go1.22.1 X:boringcrypto");
        assertThat(modules(info)).containsExactly("github.com/gorilla/mux@v1.8.0", "golang.org/x/net@v0.17.0",
                "stdlib@1.22.1");
    }

    @Test
    void shouldReadThePointerFormatOf64And32BitAndBigEndianFiles() throws IOException {
        for (boolean wide : new boolean[] {true, false}) {
            for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
                GoBuildInfo info = GoBuildInfo.read(GoBinaries.pointers(wide, order, "go1.16.15", MODULES));

                assertThat(info.goVersion()).as("%s %s", wide, order).isEqualTo("go1.16.15");
                assertThat(info.mainPath()).isEqualTo("example.com/server");
                assertThat(modules(info)).containsExactly("github.com/gorilla/mux@v1.8.0", "golang.org/x/net@v0.17.0",
                        "stdlib@1.16.15");
            }
        }
    }

    @Test
    void shouldTellDevelAndReleaseCandidateGoVersions() {
        assertThat(GoBuildInfo.stdlibVersion("go1.21.5")).isEqualTo("1.21.5");
        assertThat(GoBuildInfo.stdlibVersion("go1.21rc2")).isEqualTo("1.21rc2");
        assertThat(GoBuildInfo.stdlibVersion("devel go1.23-abcdef")).isNull();
        assertThat(GoBuildInfo.stdlibVersion("go")).isNull();
    }

    @Test
    void shouldRefusePointersOutsideTheFileAndHugeLengths() {
        byte[] pointing = GoBinaries.pointers(true, ByteOrder.LITTLE_ENDIAN, "go1.16.15", MODULES);
        ByteBuffer.wrap(pointing).order(ByteOrder.LITTLE_ENDIAN).putLong(0x1000 + 16, 0x7fff_0000_0000L);
        assertThatThrownBy(() -> GoBuildInfo.read(pointing)).hasMessageContaining("is not in the file");

        byte[] huge = GoBinaries.pointers(true, ByteOrder.LITTLE_ENDIAN, "go1.16.15", MODULES);
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(0x3040 + 8, Long.MAX_VALUE);
        assertThatThrownBy(() -> GoBuildInfo.read(huge)).isInstanceOf(IOException.class);

        byte[] varint = GoBinaries.inline("go1.22.1", MODULES);
        Arrays.fill(varint, 0x1000 + 32, 0x1000 + 40, (byte) 0xff);
        assertThatThrownBy(() -> GoBuildInfo.read(varint)).hasMessageContaining("truncated length");

        byte[] cut = Arrays.copyOf(GoBinaries.inline("go1.22.1", MODULES), 0x1000 + 60);
        assertThatThrownBy(() -> GoBuildInfo.read(cut)).hasMessageContaining("runs past the file");
    }

    @Test
    void shouldProbeOnlyGoExecutablesAndDescribeCorruptOnes() throws IOException {
        GoBinaryProbe probe = new GoBinaryProbe();
        byte[] go = GoBinaries.inline("go1.22.1", MODULES);
        assertThat(probe.wants("app/server", 0755, go.length)).isTrue();
        assertThat(probe.wants("app/data.bin", 0644, go.length)).isFalse();

        byte[] extract = probe.probe("app/server", go.length, new ByteArrayInputStream(go));
        assertThat(new String(extract, StandardCharsets.UTF_8)).startsWith("go\tgo1.22.1\npath\texample.com/server");

        byte[] notGo = go.clone();
        notGo[0x200 + 12] = 'X'; // no Go note: an ordinary ELF executable is not read past its head
        assertThat(probe.probe("usr/bin/ls", notGo.length, new ByteArrayInputStream(notGo))).isNull();

        byte[] corrupt = go.clone();
        Arrays.fill(corrupt, 0x1000 + 32, 0x1000 + 40, (byte) 0xff);
        assertThat(new String(probe.probe("app/server", corrupt.length, new ByteArrayInputStream(corrupt)),
                StandardCharsets.UTF_8)).startsWith(GoBinaryProbe.ERROR).contains("truncated length");

        assertThatThrownBy(() -> probe.probe("app/server", go.length + 100, new ByteArrayInputStream(go)))
                .hasMessageContaining("truncated inside app/server");
    }
}
