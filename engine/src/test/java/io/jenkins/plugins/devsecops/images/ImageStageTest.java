package io.jenkins.plugins.devsecops.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image stage through the engine, on images written in the test and OSV records in the real schema. */
class ImageStageTest {

    @TempDir
    Path temp;

    static final String DPKG_STATUS = """
            Package: libc6
            Status: install ok installed
            Architecture: amd64
            Source: glibc
            Version: 2.36-9+deb12u1
            Description: GNU C Library: Shared libraries
             Contains the standard libraries.

            Package: coreutils
            Status: install ok installed
            Architecture: amd64
            Version: 9.1-1

            Package: python3-six
            Status: install ok installed
            Architecture: all
            Source: six
            Version: 1.16.0-4

            Package: oldpkg
            Status: deinstall ok config-files
            Architecture: amd64
            Version: 1.0-1
            """;

    static TestLayer debianBase() {
        return TestLayer.create().instruction("/bin/sh -c #(nop) ADD file:0f2e in / ")
                .file("etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n")
                .file("var/lib/dpkg/status", DPKG_STATUS)
                .file("var/lib/dpkg/info/coreutils.list", "/.\n/usr/bin/chroot\n/usr/share/doc/coreutils\n")
                .file("var/lib/dpkg/info/python3-six.list",
                        "/usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA\n")
                .file("usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA", "Name: six\nVersion: 1.16.0\n\n")
                .file("usr/share/doc/coreutils/copyright", "GPL")
                .file("usr/bin/chroot", "ELF");
    }

    static TestLayer application() {
        return TestLayer.create().instruction("COPY app /app # buildkit")
                .file("var/lib/dpkg/status", DPKG_STATUS + """

                        Package: curl
                        Status: install ok installed
                        Architecture: amd64
                        Version: 7.88.1-10+deb12u5
                        """)
                .file("app/node_modules/lodash/package.json", "{\"name\":\"lodash\",\"version\":\"4.17.20\"}")
                .file("app/node_modules/lodash/test/package.json", "{\"name\":\"fixture\",\"version\":\"0.0.1\"}")
                .whiteout("usr/share/doc/coreutils");
    }

    static Path osvRecords() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(ImageStageTest.class.getResource("osv/DSA-5514-1.json")).toURI()).getParent();
    }

    Report scan(String... options) throws Exception {
        Path root = Files.createDirectories(temp.resolve("root"));
        ScanRequest.Builder request = ScanRequest.builder(root).stage("images").threads(2)
                .option("images.cacheDir", temp.resolve("cache").toString())
                .option("images.indexDir", temp.resolve("index").toString());
        for (int i = 0; i < options.length; i += 2) {
            request.option(options[i], options[i + 1]);
        }
        return new ScanEngine(new StageCatalog(List.of(new ImageStage()))).scan(request.build(), ProgressListener.NONE);
    }

    static StageResult stage(Report report) {
        return report.stages().stream().filter(s -> s.stage().equals("images")).findFirst().orElseThrow();
    }

    @Test
    void shouldInventoryADockerArchiveByLayerAndMatchOnlyItsDebianRelease() throws Exception {
        Path archive = TestImage.of(debianBase(), application()).baseLayers(1).dockerArchive(temp.resolve("app.tar"));

        Report report = scan("images.refs", archive.toString(), "images.osvDir", osvRecords().toString());

        StageResult stage = stage(report);
        assertThat(stage.errors()).isEmpty();
        assertThat(report.components()).extracting(Component::purl).containsExactlyInAnyOrder(
                "pkg:deb/debian/libc6@2.36-9%2Bdeb12u1?arch=amd64&distro=debian-12&upstream=glibc",
                "pkg:deb/debian/coreutils@9.1-1?arch=amd64&distro=debian-12",
                "pkg:deb/debian/python3-six@1.16.0-4?arch=all&distro=debian-12&upstream=six",
                "pkg:deb/debian/curl@7.88.1-10%2Bdeb12u5?arch=amd64&distro=debian-12",
                "pkg:npm/lodash@4.17.20");
        Component curl = report.components().stream().filter(c -> c.name().equals("curl")).findFirst().orElseThrow();
        assertThat(curl.properties()).containsEntry("layerIndex", "1").containsEntry("baseImage", "false")
                .containsEntry("layerInstruction", "COPY app /app");
        Component libc = report.components().stream().filter(c -> c.name().equals("libc6")).findFirst().orElseThrow();
        assertThat(libc.properties()).containsEntry("layerIndex", "0").containsEntry("baseImage", "true")
                .containsEntry("layerInstruction", "ADD file:0f2e in /").containsEntry("distro", "debian-12");
        assertThat(libc.ecosystem()).isEqualTo("Debian:12");

        // DSA-5514-1 and DEBIAN-CVE-2023-4911 are one vulnerability; the bullseye-only curl advisory does not apply
        assertThat(report.findings()).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("CVE-2023-4527", "CVE-2016-2781", "CVE-2021-23337");
        Finding glibc = finding(report, "CVE-2023-4527");
        assertThat(glibc.identifiers()).contains("CVE-2023-4911", "DSA-5514-1", "DEBIAN-CVE-2023-4911");
        assertThat(glibc.fixedVersion()).isEqualTo("2.36-9+deb12u3");
        assertThat(glibc.location().path()).isEqualTo(archive + "!/var/lib/dpkg/status");
        assertThat(glibc.properties()).containsEntry("baseImage", "true").containsEntry("fixStatus", "fixed in 2.36-9+deb12u3");
        assertThat(glibc.message()).contains("libc6 (source package glibc) 2.36-9+deb12u1", "from the base image");
        Finding coreutils = finding(report, "CVE-2016-2781");
        assertThat(coreutils.fixedVersion()).isNull();
        // the record's ecosystem_specific.urgency is shown, not guessed
        assertThat(coreutils.properties()).containsEntry("fixStatus", "no fix published; Debian urgency: unimportant")
                .containsEntry("distroStatus", "Debian urgency: unimportant");
        assertThat(coreutils.remediation()).startsWith("The Debian security team rates this unimportant for its "
                + "packages and plans no fix: remove coreutils");
        Finding lodash = finding(report, "CVE-2021-23337");
        assertThat(lodash.fixedVersion()).isEqualTo("4.17.21");
        assertThat(lodash.properties()).containsEntry("layerInstruction", "COPY app /app").containsEntry("baseImage", "false");
        assertThat(lodash.location().path()).endsWith("!/app/node_modules/lodash/package.json");
    }

    private static Finding finding(Report report, String ruleId) {
        return report.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    @Test
    void shouldReadOciLayoutsWithGzipAndZstdLayersAndChooseThePlatform() throws Exception {
        TestLayer alpine = TestLayer.create()
                .file("etc/os-release", "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.18.4\n")
                .file("lib/apk/db/installed", """
                        C:Q1abc=
                        P:libssl3
                        V:3.1.3-r0
                        A:x86_64
                        o:openssl
                        F:usr/lib
                        R:libssl.so.3

                        P:busybox
                        V:1.36.1-r2
                        A:x86_64
                        o:busybox
                        """);
        for (TestImage.Compression compression : TestImage.Compression.values()) {
            var files = TestImage.of(alpine).ociLayout(compression);
            Path directory = TestImage.writeDirectory(temp.resolve("oci-" + compression), files);
            Path tar = TestImage.writeTar(temp.resolve("oci-" + compression + ".tar"), files);
            for (Path image : List.of(directory, tar)) {
                Report report = scan("images.refs", image.toString(), "images.osvDir", osvRecords().toString());
                assertThat(stage(report).errors()).as("%s", image).isEmpty();
                assertThat(report.components()).extracting(Component::purl).containsExactlyInAnyOrder(
                        "pkg:apk/alpine/libssl3@3.1.3-r0?arch=x86_64&distro=alpine-3.18.4&upstream=openssl",
                        "pkg:apk/alpine/busybox@1.36.1-r2?arch=x86_64&distro=alpine-3.18.4");
                assertThat(report.findings()).extracting(Finding::ruleId).containsExactly("CVE-2023-5363");
                assertThat(report.findings().get(0).fixedVersion()).isEqualTo("3.1.4-r0");
            }
        }
        Path directory = temp.resolve("oci-GZIP");
        Report arm = scan("images.refs", directory.toString(), "images.platform", "linux/arm64");
        assertThat(arm.components()).isEmpty();
        Report none = scan("images.refs", directory.toString(), "images.platform", "linux/s390x");
        assertThat(stage(none).errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("no manifest for platform linux/s390x", "linux/arm64/v8", "linux/amd64"));
    }

    @Test
    void shouldReadRpmSqliteDatabasesThroughTheVarLibRpmLink() throws Exception {
        byte[] rpmdb;
        try (InputStream in = ImageStageTest.class.getResourceAsStream("rpmdb.sqlite")) {
            rpmdb = Objects.requireNonNull(in).readAllBytes();
        }
        TestLayer rocky = TestLayer.create()
                .file("etc/os-release", "NAME=\"Rocky Linux\"\nID=\"rocky\"\nVERSION_ID=\"9.3\"\n")
                .file("usr/lib/sysimage/rpm/rpmdb.sqlite", rpmdb)
                .symlink("var/lib/rpm", "../../usr/lib/sysimage/rpm");
        Path archive = TestImage.of(rocky).dockerArchive(temp.resolve("rocky.tar"));

        Report report = scan("images.refs", archive.toString());

        assertThat(stage(report).errors()).isEmpty();
        assertThat(report.components()).extracting(Component::purl).containsExactlyInAnyOrder(
                "pkg:rpm/rocky/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=rocky-9.3&epoch=1",
                "pkg:rpm/rocky/bash@5.1.8-9.el9?arch=x86_64&distro=rocky-9.3",
                "pkg:rpm/rocky/tzdata@2024a-1.el9?arch=x86_64&distro=rocky-9.3");
        assertThat(stage(report).warnings()).anyMatch(w -> w.contains("NOT checked for vulnerabilities"));
    }

    @Test
    void shouldReadBerkeleyDbAndNdbRpmDatabases() throws Exception {
        byte[] bdb;
        try (InputStream in = ImageStageTest.class.getResourceAsStream("rpm-bdb/Packages")) {
            bdb = Objects.requireNonNull(in).readAllBytes();
        }
        TestLayer centos = TestLayer.create()
                .file("etc/os-release", "NAME=\"CentOS Linux\"\nID=\"centos\"\nVERSION_ID=\"7\"\n")
                .file("var/lib/rpm/Packages", bdb);
        List<byte[]> blobs = io.jenkins.plugins.devsecops.images.inventory.RpmFixtures.sqliteBlobs();
        TestLayer suse = TestLayer.create()
                .file("etc/os-release", "NAME=\"openSUSE Leap\"\nID=\"opensuse-leap\"\nVERSION_ID=\"15.5\"\n")
                .file("usr/lib/sysimage/rpm/Packages.db", io.jenkins.plugins.devsecops.images.inventory.RpmFixtures
                        .ndb(blobs))
                .symlink("var/lib/rpm", "../../usr/lib/sysimage/rpm");
        Path centosImage = TestImage.of(centos).dockerArchive(temp.resolve("centos.tar"));
        Path suseImage = TestImage.of(suse).dockerArchive(temp.resolve("suse.tar"));

        Report report = scan("images.refs", centosImage + ";" + suseImage);

        assertThat(stage(report).errors()).isEmpty();
        assertThat(stage(report).warnings()).noneMatch(w -> w.contains("NOT inventoried"));
        assertThat(report.components()).filteredOn(c -> c.sourceFile().startsWith(centosImage.toString()))
                .extracting(c -> c.name() + "@" + c.version() + " " + c.sourceFile().substring(centosImage.toString().length()))
                .containsExactlyInAnyOrder("openssl-libs@1:3.0.7-27.el9 !/var/lib/rpm/Packages",
                        "bash@5.1.8-9.el9 !/var/lib/rpm/Packages", "tzdata@2024a-1.el9 !/var/lib/rpm/Packages");
        assertThat(report.components()).filteredOn(c -> c.sourceFile().startsWith(suseImage.toString()))
                .extracting(Component::purl).containsExactlyInAnyOrder(
                        "pkg:rpm/opensuse/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=opensuse-leap-15.5&epoch=1",
                        "pkg:rpm/opensuse/bash@5.1.8-9.el9?arch=x86_64&distro=opensuse-leap-15.5",
                        "pkg:rpm/opensuse/tzdata@2024a-1.el9?arch=x86_64&distro=opensuse-leap-15.5");
    }

    @Test
    void shouldInventoryGoModulesFromABinarysBuildInfoAndMatchThem() throws Exception {
        byte[] server = io.jenkins.plugins.devsecops.images.inventory.GoBinaries.real();
        TestLayer app = TestLayer.create().instruction("COPY server /app/server # buildkit")
                .executable("app/server", server)
                .file("app/server.data", server); // not executable: not looked into
        Path archive = TestImage.of(debianBase(), app).baseLayers(1).dockerArchive(temp.resolve("go.tar"));

        Report report = scan("images.refs", archive.toString(), "images.osvDir", osvRecords().toString());
        Report cached = scan("images.refs", archive.toString(), "images.osvDir", osvRecords().toString());

        assertThat(stage(report).errors()).isEmpty();
        assertThat(report.components()).filteredOn(c -> c.ecosystem().equals("Go"))
                .extracting(Component::purl, Component::sourceFile).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("pkg:golang/golang.org/x/text@v0.3.7", archive + "!/app/server"),
                        org.assertj.core.groups.Tuple.tuple("pkg:golang/stdlib@1.19.8", archive + "!/app/server"));
        Finding text = finding(report, "CVE-2022-32149");
        assertThat(text.identifiers()).contains("GO-2022-1059", "GHSA-69ch-w2m2-3vjp");
        assertThat(text.fixedVersion()).isEqualTo("0.3.8");
        assertThat(text.properties()).containsEntry("layerInstruction", "COPY server /app/server")
                .containsEntry("baseImage", "false");
        // from the layer cache, the extract (not the binary) gives the same
        assertThat(stage(cached).properties().get("image." + archive)).contains("(2 cached");
        assertThat(cached.components()).extracting(Component::purl).containsAll(
                report.components().stream().map(Component::purl).toList());
    }

    static byte[] zip(java.util.Map<String, byte[]> entries) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void shouldReadJavaArchivesAsTheyStreamByKeepingOnlyTheirPackageFacts() throws Exception {
        byte[] filler = new byte[2 << 20];
        new java.util.Random(1).nextBytes(filler);
        byte[] log4j = zip(new java.util.LinkedHashMap<>(java.util.Map.of(
                "META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties",
                "groupId=org.apache.logging.log4j\nartifactId=log4j-core\nversion=2.14.1\n".getBytes(),
                "org/apache/logging/log4j/core/Big.class", filler)));
        java.util.Map<String, byte[]> boot = new java.util.LinkedHashMap<>();
        boot.put("META-INF/maven/com.example/app/pom.properties",
                "groupId=com.example\nartifactId=app\nversion=1.0.0\n".getBytes());
        boot.put("BOOT-INF/lib/log4j-core-2.14.1.jar", log4j);
        boot.put("BOOT-INF/classes/App.class", filler);
        TestLayer app = TestLayer.create().instruction("COPY app.jar /app/app.jar")
                .file("app/app.jar", zip(boot))
                .file("app/broken.jar", "PK not really a zip, only text that starts like one");
        Path archive = TestImage.of(debianBase(), app).baseLayers(1).dockerArchive(temp.resolve("jar.tar"));

        Report report = scan("images.refs", archive.toString());

        assertThat(report.components()).filteredOn(c -> c.ecosystem().equals("Maven")).extracting(Component::purl)
                .containsExactlyInAnyOrder("pkg:maven/com.example/app@1.0.0",
                        "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(stage(report).warnings()).anyMatch(w -> w.contains("/app/broken.jar: not a readable zip archive"));
        // what the layer cache keeps of the 4 MB archive is its package facts
        try (var files = Files.list(temp.resolve("cache"))) {
            long cached = files.mapToLong(f -> f.toFile().length()).sum();
            assertThat(cached).isLessThan(64 * 1024);
        }
    }

    @Test
    void shouldAnalyseEachLayerOnceAndReuseItFromTheCache() throws Exception {
        Path archive = TestImage.of(debianBase(), application()).baseLayers(1).dockerArchive(temp.resolve("app.tar"));
        Path other = TestImage.of(debianBase()).dockerArchive(temp.resolve("base.tar"));

        Report cold = scan("images.refs", archive.toString());
        Report warm = scan("images.refs", archive + ";" + other);

        assertThat(stage(cold).properties().get("image." + archive)).contains("2 layers (0 cached");
        assertThat(stage(warm).properties().get("image." + archive)).contains("2 layers (2 cached, 0 bytes read)");
        assertThat(stage(warm).properties().get("image." + other)).contains("1 layers (1 cached, 0 bytes read)");
        assertThat(warm.components()).hasSize(cold.components().size() + 3);
    }

    @Test
    void shouldNameAnImageThatIsNeitherAFileNorAReference() throws Exception {
        Report report = scan("images.refs", "no such image!");

        assertThat(stage(report).errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("no such image!");
            assertThat(e.message()).contains("not an image reference");
        });
    }

    private byte[] rpmdb() throws Exception {
        try (InputStream in = ImageStageTest.class.getResourceAsStream("rpmdb.sqlite")) {
            return Objects.requireNonNull(in).readAllBytes();
        }
    }

    private Report scanRpmImage(String osRelease, String... records) throws Exception {
        TestLayer layer = TestLayer.create().file("etc/os-release", osRelease)
                .file("usr/lib/sysimage/rpm/rpmdb.sqlite", rpmdb());
        Path archive = TestImage.of(layer).dockerArchive(temp.resolve("rpm-image.tar"));
        Path osv = Files.createDirectories(temp.resolve("osv"));
        for (int i = 0; i < records.length; i++) {
            Files.writeString(osv.resolve("record-" + i + ".json"), records[i]);
        }
        return scan("images.refs", archive.toString(), "images.osvDir", osv.toString());
    }

    private static String bashRecord(String id, String ecosystem) {
        return """
                {"id": "%s", "modified": "2026-01-01T00:00:00Z", "summary": "bash update",
                 "affected": [{"package": {"ecosystem": "%s", "name": "bash"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "5.2-1"}]}]}]}
                """.formatted(id, ecosystem);
    }

    @Test
    void shouldMatchOpenSuseLeapAndSlesRecordsOfTheirReleaseOnly() throws Exception {
        Report leap = scanRpmImage("NAME=\"openSUSE Leap\"\nID=\"opensuse-leap\"\nVERSION_ID=\"15.5\"\n",
                bashRecord("SUSE-SU-A", "openSUSE:Leap 15.5"), bashRecord("SUSE-SU-B", "openSUSE:Leap 15.6"),
                bashRecord("SUSE-SU-C", "SUSE:Linux Enterprise Server 15 SP5"));

        assertThat(leap.findings()).extracting(Finding::ruleId).containsExactly("SUSE-SU-A");
        assertThat(leap.components()).filteredOn(c -> c.name().equals("bash")).singleElement().satisfies(c -> {
            assertThat(c.ecosystem()).isEqualTo("openSUSE:Leap 15.5");
            assertThat(c.purl()).isEqualTo("pkg:rpm/opensuse/bash@5.1.8-9.el9?arch=x86_64&distro=opensuse-leap-15.5");
        });

        // SLES 15 SP5 says VERSION_ID="15.5"; SUSE's records name the service pack
        Report sles = scanRpmImage("NAME=\"SLES\"\nID=\"sles\"\nVERSION=\"15-SP5\"\nVERSION_ID=\"15.5\"\n",
                bashRecord("SUSE-SU-C", "SUSE:Linux Enterprise Server 15 SP5"),
                bashRecord("SUSE-SU-D", "SUSE:Linux Enterprise Module for Basesystem 15 SP5"),
                bashRecord("SUSE-SU-E", "SUSE:Linux Enterprise Server 15 SP4"));

        assertThat(sles.findings()).extracting(Finding::ruleId).containsExactlyInAnyOrder("SUSE-SU-C", "SUSE-SU-D");
        assertThat(sles.components()).filteredOn(c -> c.name().equals("bash")).singleElement()
                .satisfies(c -> assertThat(c.ecosystem()).isEqualTo("SUSE:Linux Enterprise Server 15 SP5"));
    }

    @Test
    void shouldNameTheVendorOfADistributionItDoesNotMatchAndSaySo() throws Exception {
        Report centos = scanRpmImage("NAME=\"CentOS Linux\"\nID=\"centos\"\nVERSION_ID=\"7\"\n",
                bashRecord("RHSA-X", "Red Hat:enterprise_linux:7::server"));

        assertThat(centos.components()).extracting(Component::purl).contains(
                "pkg:rpm/centos/bash@5.1.8-9.el9?arch=x86_64&distro=centos-7",
                "pkg:rpm/centos/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=centos-7&epoch=1");
        assertThat(centos.findings()).isEmpty();
        assertThat(stage(centos).warnings()).anyMatch(w -> w.contains("distribution is unknown or not supported "
                + "(os-release: centos 7)") && w.contains("not matched against advisories"));
    }

    @Test
    void shouldSayWhenAPackageDatabaseLeadsThroughLinksToAFileThatWasNotKept() throws Exception {
        TestLayer layer = TestLayer.create().file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
                .file("etc/pkgdb", DPKG_STATUS)
                .symlink("var/lib/dpkg/status", "../../../etc/pkgdb");
        Path archive = TestImage.of(layer).dockerArchive(temp.resolve("linked.tar"));

        Report report = scan("images.refs", archive.toString());

        assertThat(report.components()).isEmpty();
        assertThat(stage(report).warnings()).anyMatch(w -> w.contains("/var/lib/dpkg/status leads through links to "
                + "/etc/pkgdb, which was not kept") && w.contains("NOT inventoried"));
    }

    @Test
    void shouldWarnWhenAPackageDatabaseListsNothing() throws Exception {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        TestLayer layer = TestLayer.create().file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
                .file("var/lib/dpkg/status", garbage);
        Path archive = TestImage.of(layer).dockerArchive(temp.resolve("garbage.tar"));

        Report report = scan("images.refs", archive.toString());

        assertThat(report.components()).isEmpty();
        assertThat(stage(report).errors()).isEmpty();
        assertThat(stage(report).warnings()).anyMatch(w -> w.contains("/var/lib/dpkg/status lists no installed package"));
    }
}
