package io.jenkins.plugins.devsecops.packages.lockfile;

import static io.jenkins.plugins.devsecops.packages.lockfile.LockfileFixtures.find;
import static io.jenkins.plugins.devsecops.packages.lockfile.LockfileFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmLockfilesTest {

    @TempDir
    Path root;

    @Test
    void shouldResolvePomVersionsFromPropertiesManagementAndParentInTheTree() throws Exception {
        // Given a parent pom managing versions through properties, and a module inheriting them
        write(root, "pom.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>parent</artifactId>
                  <version>1.2.0</version>
                  <packaging>pom</packaging>
                  <properties>
                    <log4j.version>2.14.1</log4j.version>
                    <jackson.version>2.9.10</jackson.version>
                  </properties>
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>org.apache.logging.log4j</groupId>
                        <artifactId>log4j-core</artifactId>
                        <version>${log4j.version}</version>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                </project>
                """);
        Lockfile module = write(root, "service/pom.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>com.example</groupId>
                    <artifactId>parent</artifactId>
                    <version>1.2.0</version>
                  </parent>
                  <artifactId>service</artifactId>
                  <properties>
                    <jackson.version>2.9.8</jackson.version>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.apache.logging.log4j</groupId>
                      <artifactId>log4j-core</artifactId>
                    </dependency>
                    <dependency>
                      <groupId>com.fasterxml.jackson.core</groupId>
                      <artifactId>jackson-databind</artifactId>
                      <version>${jackson.version}</version>
                    </dependency>
                    <dependency>
                      <groupId>${project.groupId}</groupId>
                      <artifactId>common</artifactId>
                      <version>${project.version}</version>
                    </dependency>
                    <dependency>
                      <groupId>junit</groupId>
                      <artifactId>junit</artifactId>
                      <version>4.12</version>
                      <scope>test</scope>
                    </dependency>
                    <dependency>
                      <groupId>org.unknown</groupId>
                      <artifactId>ranged</artifactId>
                      <version>[1.0,2.0)</version>
                    </dependency>
                  </dependencies>
                </project>
                """);

        // When
        LockfileResult result = new MavenPomParser().parse(module);

        // Then
        assertThat(result.packages()).extracting(p -> p.name() + "@" + p.version()).containsExactly(
                "org.apache.logging.log4j:log4j-core@2.14.1", "com.fasterxml.jackson.core:jackson-databind@2.9.8",
                "com.example:common@1.2.0", "junit:junit@4.12");
        LockedPackage log4j = result.packages().get(0);
        assertThat(log4j.line()).isEqualTo(14);
        assertThat(log4j.direct()).isTrue();
        assertThat(log4j.purl()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(find(result.packages(), "junit:junit").scope()).isEqualTo("test");
        assertThat(result.warnings()).singleElement().asString().contains("org.unknown:ranged@[1.0,2.0)");
    }

    @Test
    void shouldFindTheParentInAnEnclosingDirectoryByArtifactId() throws Exception {
        // Given a module two levels below its parent, naming no relativePath, and a decoy pom in between
        write(root, "pom.xml", """
                <project><groupId>com.example</groupId><artifactId>root</artifactId><version>3.0</version>
                  <properties><netty.version>4.1.68.Final</netty.version></properties></project>
                """);
        write(root, "services/pom.xml", "<project><artifactId>services-aggregator</artifactId></project>");
        Lockfile module = write(root, "services/api/pom.xml", """
                <project>
                  <parent><groupId>com.example</groupId><artifactId>root</artifactId><version>3.0</version></parent>
                  <artifactId>api</artifactId>
                  <dependencies>
                    <dependency><groupId>io.netty</groupId><artifactId>netty-codec-http</artifactId>
                      <version>${netty.version}</version></dependency>
                  </dependencies>
                </project>
                """);

        // When
        LockfileResult result = new MavenPomParser().parse(module);

        // Then
        assertThat(result.packages()).extracting(p -> p.name() + "@" + p.version())
                .containsExactly("io.netty:netty-codec-http@4.1.68.Final");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void shouldRefuseDoctypesAndExternalEntitiesInPoms() throws Exception {
        // Given an XXE attempt and a billion-laughs attempt
        Lockfile xxe = write(root, "a/pom.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <project><dependencies><dependency><groupId>&xxe;</groupId><artifactId>a</artifactId>
                <version>1</version></dependency></dependencies></project>
                """);
        Lockfile laughs = write(root, "b/pom.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <project><name>&lol2;</name></project>
                """);

        // Then
        assertThatThrownBy(() -> new MavenPomParser().parse(xxe)).isInstanceOf(LockfileException.class)
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> new MavenPomParser().parse(laughs)).isInstanceOf(LockfileException.class);
        assertThatThrownBy(() -> new MavenPomParser().parse(write(root, "c/pom.xml", "<settings/>")))
                .hasMessageContaining("not <project>");
    }

    @Test
    void shouldReadMavenDependencyListOutput() throws Exception {
        // Given mvn dependency:list output saved from a build log
        Lockfile list = write(root, "target/dependency-list.txt", """
                [INFO] --- maven-dependency-plugin:3.6.1:list (default-cli) @ service ---
                [INFO]
                [INFO] The following files have been resolved:
                [INFO]    org.apache.logging.log4j:log4j-api:jar:2.14.1:compile -- module org.apache.logging.log4j
                [INFO]    org.apache.logging.log4j:log4j-core:jar:2.14.1:compile -- module org.apache.logging.log4j.core
                [INFO]    io.netty:netty-transport-native-epoll:jar:linux-x86_64:4.1.68.Final:runtime
                [INFO]    junit:junit:jar:4.12:test
                [INFO]
                """);

        // When
        List<LockedPackage> packages = new MavenDependencyListParser().parse(list).packages();

        // Then
        assertThat(packages).extracting(p -> p.name() + "@" + p.version()).containsExactly(
                "org.apache.logging.log4j:log4j-api@2.14.1", "org.apache.logging.log4j:log4j-core@2.14.1",
                "io.netty:netty-transport-native-epoll@4.1.68.Final", "junit:junit@4.12");
        assertThat(packages.get(1).line()).isEqualTo(5);
        assertThat(packages.get(3).scope()).isEqualTo("test");
    }

    @Test
    void shouldReadCycloneDxBomWithGraphAndHashes() throws Exception {
        // Given a CycloneDX 1.5 SBOM as another tool writes it
        Lockfile bom = write(root, "bom.json", """
                {
                  "bomFormat": "CycloneDX",
                  "specVersion": "1.5",
                  "version": 1,
                  "metadata": { "component": { "bom-ref": "app", "type": "application", "name": "app" } },
                  "components": [
                    {
                      "bom-ref": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar",
                      "type": "library", "group": "org.apache.logging.log4j", "name": "log4j-core", "version": "2.14.1",
                      "purl": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar",
                      "hashes": [ { "alg": "SHA-1", "content": "9141212b8507ab50a45525b545b39d224614528b" } ]
                    },
                    {
                      "bom-ref": "log4j-api",
                      "type": "library", "name": "log4j-api", "version": "2.14.1",
                      "purl": "pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1"
                    },
                    { "type": "library", "name": "internal-thing", "version": "1" }
                  ],
                  "dependencies": [
                    { "ref": "app", "dependsOn": [ "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar" ] },
                    { "ref": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar", "dependsOn": [ "log4j-api" ] }
                  ]
                }
                """);

        // When
        LockfileResult result = new CycloneDxBomParser().parse(bom);

        // Then
        assertThat(result.packages()).extracting(p -> p.name() + "@" + p.version()).containsExactly(
                "org.apache.logging.log4j:log4j-core@2.14.1", "org.apache.logging.log4j:log4j-api@2.14.1");
        LockedPackage api = find(result.packages(), "org.apache.logging.log4j:log4j-api");
        assertThat(api.direct()).isFalse();
        assertThat(api.dependencyPath()).containsExactly("org.apache.logging.log4j:log4j-core",
                "org.apache.logging.log4j:log4j-api");
        assertThat(result.packages().get(0).hashes()).containsEntry("SHA-1", "9141212b8507ab50a45525b545b39d224614528b");
        assertThat(result.packages().get(0).line()).isEqualTo(7);
        assertThat(result.warnings()).singleElement().asString().contains("1 components");
    }

    static byte[] jar(String... entriesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entriesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(entriesAndContents[i]));
                zip.write(entriesAndContents[i + 1].getBytes(StandardCharsets.ISO_8859_1));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String pomProperties(String group, String artifact, String version) {
        return "#Generated by Maven\nversion=" + version + "\ngroupId=" + group + "\nartifactId=" + artifact + "\n";
    }

    @Test
    void shouldFindPomPropertiesInNestedArchives() throws Exception {
        // Given a Spring Boot style fat jar inside a war, with a hostile entry name
        byte[] log4j = jar("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n",
                "META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties",
                pomProperties("org.apache.logging.log4j", "log4j-core", "2.14.1"));
        byte[] war = jar("WEB-INF/web.xml", "<web-app/>",
                "../../../../tmp/evil.txt", "zip slip",
                "META-INF/maven/com.example/shop/pom.properties", pomProperties("com.example", "shop", "1.0.0"),
                "WEB-INF/lib/log4j-core-2.14.1.jar", new String(log4j, StandardCharsets.ISO_8859_1),
                "WEB-INF/lib/broken.jar", "not a zip at all");
        Lockfile archive = write(root, "dist/shop.war", war);

        // When
        LockfileResult result = new JavaArchiveParser().parse(archive);

        // Then
        assertThat(result.packages()).extracting(p -> p.name() + "@" + p.version())
                .containsExactly("com.example:shop@1.0.0", "org.apache.logging.log4j:log4j-core@2.14.1");
        assertThat(result.packages().get(1).dependencyPath())
                .containsExactly("shop.war", "log4j-core-2.14.1.jar", "org.apache.logging.log4j:log4j-core");
        assertThat(result.packages().get(1).hashes()).containsKey("SHA-1");
        assertThat(root.getParent().resolve("tmp/evil.txt")).doesNotExist();
    }

    @Test
    void shouldCapArchiveNestingAndRefuseNonZips() throws Exception {
        // Given archives nested deeper than the limit
        byte[] inner = jar("META-INF/maven/deep/deep/pom.properties", pomProperties("deep", "deep", "1"));
        for (int i = 0; i < JavaArchiveParser.MAX_DEPTH + 2; i++) {
            inner = jar("lib/level" + i + ".jar", new String(inner, StandardCharsets.ISO_8859_1));
        }
        Lockfile deep = write(root, "deep.jar", inner);

        // Then the deep artifact is not reached and nothing breaks
        assertThat(new JavaArchiveParser().parse(deep).packages()).isEmpty();
        LockfileResult fake = new JavaArchiveParser().parse(write(root, "fake.jar", "plain text"));
        assertThat(fake.packages()).isEmpty();
        assertThat(fake.warnings()).containsExactly("not a zip archive: the file does not start with a zip header;"
                + " no packages were read from it");
    }

    @Test
    void shouldReadGradleLockfiles() throws Exception {
        Lockfile lockfile = write(root, "gradle.lockfile", """
                # This is a Gradle generated file for dependency locking.
                # Manual edits can break the build and are not advised.
                # This file is expected to be part of source control.
                com.fasterxml.jackson.core:jackson-databind:2.9.8=compileClasspath,runtimeClasspath
                junit:junit:4.12=testCompileClasspath,testRuntimeClasspath
                garbage line
                empty=annotationProcessor
                """);

        LockfileResult result = new GradleLockParser().parse(lockfile);

        assertThat(result.packages()).extracting(p -> p.name() + "@" + p.version() + ":" + p.line() + ":" + p.scope())
                .containsExactly("com.fasterxml.jackson.core:jackson-databind@2.9.8:4:null", "junit:junit@4.12:5:test");
        assertThat(result.packages()).allMatch(p -> p.ecosystem() == Ecosystem.MAVEN);
        assertThat(result.warnings()).singleElement().asString().contains("1 lines");
        assertThat(new GradleLockParser().accepts("buildscript-gradle.lockfile")).isTrue();
    }
}
