package io.jenkins.plugins.devsecops.packages.lockfile;

import static io.jenkins.plugins.devsecops.packages.lockfile.LockfileFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions a module takes from a BOM it imports, when the BOM is a module of the same tree. */
class MavenBomImportTest {

    @TempDir
    Path root;

    private void writeBom() throws Exception {
        write(root, "pom.xml", """
                <project><groupId>com.acme</groupId><artifactId>acme-parent</artifactId><version>1.4.0</version>
                  <packaging>pom</packaging>
                  <modules><module>acme-bom</module><module>services/app</module></modules></project>
                """);
        write(root, "acme-bom/pom.xml", """
                <project>
                  <parent><groupId>com.acme</groupId><artifactId>acme-parent</artifactId><version>1.4.0</version></parent>
                  <artifactId>acme-bom</artifactId>
                  <packaging>pom</packaging>
                  <properties><jackson.version>2.12.6.1</jackson.version></properties>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId>
                      <version>${jackson.version}</version></dependency>
                    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId>
                      <version>2.17.1</version></dependency>
                  </dependencies></dependencyManagement>
                </project>
                """);
    }

    @Test
    void shouldTakeManagedVersionsFromAnImportedBomOfTheSameTree() throws Exception {
        // Given a module importing the tree's BOM (versions through the BOM's own properties and its parent's
        // coordinates), overriding one of them itself, and importing a BOM that is not in the tree
        writeBom();
        Lockfile app = write(root, "services/app/pom.xml", """
                <project>
                  <parent><groupId>com.acme</groupId><artifactId>acme-parent</artifactId><version>1.4.0</version>
                    <relativePath>../../pom.xml</relativePath></parent>
                  <artifactId>app</artifactId>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>com.acme</groupId><artifactId>acme-bom</artifactId>
                      <version>${project.version}</version><type>pom</type><scope>import</scope></dependency>
                    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-dependencies</artifactId>
                      <version>2.7.18</version><type>pom</type><scope>import</scope></dependency>
                    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId>
                      <version>2.14.1</version></dependency>
                  </dependencies></dependencyManagement>
                  <dependencies>
                    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId></dependency>
                    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId></dependency>
                    <dependency><groupId>org.yaml</groupId><artifactId>snakeyaml</artifactId></dependency>
                  </dependencies>
                </project>
                """);

        // When
        LockfileResult result = new MavenPomParser().parse(app);

        // Then
        assertThat(result.packages()).extracting(p -> p.name() + "@" + p.version() + ":" + p.line()).containsExactly(
                "com.fasterxml.jackson.core:jackson-databind@2.12.6.1:14",
                "org.apache.logging.log4j:log4j-core@2.14.1:15");
        assertThat(result.warnings()).singleElement().asString().contains("org.yaml:snakeyaml");
    }

    @Test
    void shouldIgnoreABomOfAnotherVersionOrAHostileArtifactId() throws Exception {
        // Given imports naming the tree's BOM at another version, and an artifact id that tries to leave the tree
        writeBom();
        Lockfile app = write(root, "app/pom.xml", """
                <project><groupId>com.acme</groupId><artifactId>app</artifactId><version>9</version>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>com.acme</groupId><artifactId>acme-bom</artifactId>
                      <version>1.3.0</version><type>pom</type><scope>import</scope></dependency>
                    <dependency><groupId>com.acme</groupId><artifactId>../../../etc</artifactId>
                      <version>1.4.0</version><type>pom</type><scope>import</scope></dependency>
                  </dependencies></dependencyManagement>
                  <dependencies>
                    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId></dependency>
                  </dependencies>
                </project>
                """);

        // When
        LockfileResult result = new MavenPomParser().parse(app);

        // Then
        assertThat(result.packages()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().contains("jackson-databind");
    }

    @Test
    void shouldStopOnBomsImportingEachOther() throws Exception {
        // Given two BOMs of the tree importing each other
        write(root, "a-bom/pom.xml", """
                <project><groupId>g</groupId><artifactId>a-bom</artifactId><version>1</version>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>g</groupId><artifactId>b-bom</artifactId><version>1</version>
                      <type>pom</type><scope>import</scope></dependency>
                    <dependency><groupId>org.example</groupId><artifactId>lib</artifactId><version>3.1</version></dependency>
                  </dependencies></dependencyManagement></project>
                """);
        write(root, "b-bom/pom.xml", """
                <project><groupId>g</groupId><artifactId>b-bom</artifactId><version>1</version>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>g</groupId><artifactId>a-bom</artifactId><version>1</version>
                      <type>pom</type><scope>import</scope></dependency>
                  </dependencies></dependencyManagement></project>
                """);
        Lockfile app = write(root, "app/pom.xml", """
                <project><groupId>g</groupId><artifactId>app</artifactId><version>1</version>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>g</groupId><artifactId>b-bom</artifactId><version>1</version>
                      <type>pom</type><scope>import</scope></dependency>
                  </dependencies></dependencyManagement>
                  <dependencies><dependency><groupId>org.example</groupId><artifactId>lib</artifactId></dependency></dependencies>
                </project>
                """);

        // When
        LockfileResult result = new MavenPomParser().parse(app);

        // Then the version comes through b-bom from a-bom, and the cycle ends
        assertThat(result.packages()).extracting(p -> p.name() + "@" + p.version()).containsExactly("org.example:lib@3.1");
    }
}
