package io.jenkins.plugins.devsecops.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.devsecops.images.source.RegistryCredentials;
import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Report;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls over the OCI distribution API from a registry on loopback that demands a bearer token from its realm, which
 * in turn demands the user name and password: the WWW-Authenticate challenge, the token, the manifest list, the
 * platform's manifest, the config and the gzip layer, each checked against its digest.
 */
class RegistryPullTest {

    @TempDir
    java.nio.file.Path temp;

    HttpServer server;
    Map<String, byte[]> files;
    final List<String> requests = new CopyOnWriteArrayList<>();
    String tamperedDigest;

    @BeforeEach
    void startRegistry() throws IOException {
        files = TestImage.of(TestLayer.create()
                .file("etc/os-release", "ID=debian\nVERSION_ID=12\n")
                .file("var/lib/dpkg/status", "Package: libc6\nStatus: install ok installed\nSource: glibc\n"
                        + "Version: 2.36-9+deb12u1\nArchitecture: amd64\n")).ociLayout(TestImage.Compression.GZIP);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String realm = "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
        String basic = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        server.createContext("/token", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            if (basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 200, "{\"token\":\"t0k\"}".getBytes(StandardCharsets.UTF_8), null);
            } else {
                send(exchange, 401, new byte[0], null);
            }
        });
        server.createContext("/v2/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            if (!"Bearer t0k".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"" + realm
                        + "\",service=\"test-registry\",scope=\"repository:team/app:pull\"");
                send(exchange, 401, new byte[0], null);
                return;
            }
            String prefix = "/v2/team/app/";
            String rest = path.startsWith(prefix) ? path.substring(prefix.length()) : "";
            byte[] body = null;
            if (rest.equals("manifests/1.0")) {
                body = files.get("index.json");
            } else if (rest.startsWith("manifests/sha256:") || rest.startsWith("blobs/sha256:")) {
                String digest = rest.substring(rest.indexOf('/') + 1);
                body = files.get("blobs/sha256/" + digest.substring(7));
                if (body != null && digest.equals(tamperedDigest)) {
                    body = body.clone();
                    body[body.length / 2] ^= 1;
                }
            }
            if (body == null) {
                send(exchange, 404, new byte[0], null);
            } else {
                send(exchange, 200, body, rest.startsWith("manifests/1.0") ? TestImage.sha256(body) : null);
            }
        });
        server.start();
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String digest) throws IOException {
        if (digest != null) {
            exchange.getResponseHeaders().add("Docker-Content-Digest", digest);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @AfterEach
    void stopRegistry() {
        server.stop(0);
    }

    private Report pull(String... options) throws Exception {
        ImageStageTest test = new ImageStageTest();
        test.temp = temp;
        String[] all = new String[options.length + 4];
        all[0] = "images.refs";
        all[1] = "127.0.0.1:" + server.getAddress().getPort() + "/team/app:1.0";
        all[2] = "images.cache";
        all[3] = "false";
        System.arraycopy(options, 0, all, 4, options.length);
        return test.scan(all);
    }

    @Test
    void shouldPullWithATokenFromTheChallengedRealmUsingTheCredentials() throws Exception {
        Report report = pull("images.registryAuth", RegistryCredentials.line("*", "alice", "s3cret"));

        assertThat(ImageStageTest.stage(report).errors()).isEmpty();
        assertThat(report.components()).extracting(Component::purl)
                .containsExactly("pkg:deb/debian/libc6@2.36-9%2Bdeb12u1?arch=amd64&distro=debian-12&upstream=glibc");
        assertThat(report.components().get(0).properties()).containsKey("imageDigest");
        assertThat(requests).anyMatch(r -> r.startsWith("/token?service=test-registry&scope=repository%3Ateam%2Fapp%3Apull"));
        // the index (asked twice: first without a token) and its child are manifests; the config and the layer are
        // blobs, asked for only as blobs
        String manifestDigest = new String(files.get("@manifest"), StandardCharsets.US_ASCII);
        assertThat(requests).filteredOn(r -> r.contains("/manifests/"))
                .containsOnly("/v2/team/app/manifests/1.0", "/v2/team/app/manifests/" + manifestDigest);
        assertThat(requests).filteredOn(r -> r.contains("/blobs/")).hasSize(2);
    }

    @Test
    void shouldSayWhenTheRegistryWantsCredentialsThatWereNotGiven() throws Exception {
        Report report = pull();

        assertThat(ImageStageTest.stage(report).errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("token service answered HTTP 401", "no credentials were given"));
        assertThat(report.components()).isEmpty();
    }

    @Test
    void shouldRefuseABlobThatDoesNotMatchItsDigest() throws Exception {
        String manifestDigest = new String(files.get("@manifest"), StandardCharsets.US_ASCII);
        tamperedDigest = manifestDigest;

        Report report = pull("images.registryAuth", RegistryCredentials.line("*", "alice", "s3cret"));

        assertThat(ImageStageTest.stage(report).errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("does not match its digest"));
    }
}
