package io.jenkins.plugins.devsecops.images.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image pulled from a registry over the OCI distribution API with {@code java.net.http}, no Docker daemon:
 * manifests (indexes and manifest lists resolved to the platform), the config and the layers, each checked against
 * its digest. Authentication follows the registry's {@code WWW-Authenticate} challenge: a bearer token from the
 * named realm (with the user name and password when given) or HTTP Basic. Plain http is used only for loopback
 * registries and those explicitly allowed; credentials never go over plain http to anything else, and redirects
 * (blob storage) are followed without them.
 */
public final class RegistryImageSource implements ImageSource {

    private static final String ACCEPT = String.join(", ", "application/vnd.oci.image.index.v1+json",
            "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.distribution.manifest.v2+json");
    private static final Pattern PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final int MAX_REDIRECTS = 5;

    private final String name;
    private final ImageReference reference;
    private final RegistryCredentials credentials;
    private final String scheme;
    private final HttpClient client;
    private String authorization;

    /**
     * @param name how reports name the image
     * @param insecureRegistries hosts that may be reached over plain http besides loopback
     */
    public RegistryImageSource(String name, ImageReference reference, RegistryCredentials credentials,
            Set<String> insecureRegistries) {
        this.name = name;
        this.reference = reference;
        this.credentials = credentials;
        this.scheme = plainHttpAllowed(reference.apiHost(), insecureRegistries) ? "http" : "https";
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static boolean plainHttpAllowed(String hostAndPort, Set<String> insecure) {
        String host = hostAndPort.replaceFirst(":[0-9]+$", "").replace("[", "").replace("]", "");
        if (insecure.contains(hostAndPort.toLowerCase(Locale.ROOT)) || insecure.contains(host.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return (host.matches("[0-9.]+") || host.contains(":")) && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public ResolvedImage resolve(Platform platform) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(api("manifests/" + reference.manifestReference()), ACCEPT, true);
        byte[] body = response.body();
        String digest = "sha256:" + sha256(body);
        if (reference.digest() != null && !reference.digest().equals(digest)) {
            throw new IOException("manifest does not match the digest asked for (" + digest + ")");
        }
        Optional<String> announced = response.headers().firstValue("Docker-Content-Digest");
        if (announced.isPresent() && announced.get().startsWith("sha256:") && !announced.get().equals(digest)) {
            throw new IOException("manifest does not match the digest the registry announced (" + announced.get() + ")");
        }
        JsonNode document = ManifestResolver.json(body, "manifest of " + reference);
        return ManifestResolver.resolve(name, digest, document, this::blobOrManifest, platform);
    }

    /**
     * A child of an index is fetched as a manifest, a manifest's config as a blob (asking for a config under
     * {@code manifests/} costs a round trip and an error on the registry: docker-registry answers 500). Both are
     * verified against their digest.
     */
    private byte[] blobOrManifest(String digest, boolean manifest) throws IOException, InterruptedException {
        ManifestResolver.checkDigest(digest);
        HttpResponse<byte[]> response = manifest ? get(api("manifests/" + digest), ACCEPT, true)
                : get(api("blobs/" + digest), "*/*", true);
        return ManifestResolver.verify(digest, response.body());
    }

    @Override
    public InputStream openLayer(LayerRef layer) throws IOException, InterruptedException {
        ManifestResolver.checkDigest(layer.digest());
        URI uri = api("blobs/" + layer.digest());
        HttpResponse<InputStream> response = send(uri, "*/*", HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("registry answered HTTP " + response.statusCode() + " for layer " + layer.digest());
        }
        return response.body();
    }

    private URI api(String path) {
        return URI.create(scheme + "://" + reference.apiHost() + "/v2/" + reference.repository() + "/" + path);
    }

    private HttpResponse<byte[]> get(URI uri, String accept, boolean require200) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = send(uri, accept, HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(ManifestResolver.MAX_DOCUMENT_BYTES + 1);
        }
        if (body.length > ManifestResolver.MAX_DOCUMENT_BYTES) {
            throw new IOException(uri.getPath() + " is larger than " + ManifestResolver.MAX_DOCUMENT_BYTES + " bytes");
        }
        if (require200 && response.statusCode() != 200) {
            throw new IOException("registry answered HTTP " + response.statusCode() + " for " + uri.getPath()
                    + (response.statusCode() == 401 || response.statusCode() == 403 ? " (check the registry credentials)" : ""));
        }
        byte[] result = body;
        int status = response.statusCode();
        HttpHeaders headers = response.headers();
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpRequest request() {
                return response.request();
            }

            @Override
            public Optional<HttpResponse<byte[]>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return headers;
            }

            @Override
            public byte[] body() {
                return result;
            }

            @Override
            public Optional<javax.net.ssl.SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return response.uri();
            }

            @Override
            public HttpClient.Version version() {
                return response.version();
            }
        };
    }

    /** Sends a GET, answering an authentication challenge once and following redirects without credentials. */
    private <T> HttpResponse<T> send(URI uri, String accept, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpResponse<T> response = client.send(request(uri, accept, authorization), handler);
        if (response.statusCode() == 401) {
            Optional<String> challenge = response.headers().firstValue("WWW-Authenticate");
            close(response);
            if (challenge.isPresent()) {
                authorization = authenticate(challenge.get());
                response = client.send(request(uri, accept, authorization), handler);
            }
        }
        for (int i = 0; i < MAX_REDIRECTS && response.statusCode() / 100 == 3; i++) {
            Optional<String> location = response.headers().firstValue("Location");
            close(response);
            if (location.isEmpty()) {
                throw new IOException("registry redirected without a location");
            }
            URI target = uri.resolve(location.get());
            boolean sameHost = target.getAuthority() != null && target.getAuthority().equalsIgnoreCase(uri.getAuthority());
            if (!"https".equals(target.getScheme()) && !(sameHost && "http".equals(target.getScheme()))) {
                throw new IOException("registry redirected to a plain http URL");
            }
            response = client.send(request(target, accept, sameHost ? authorization : null), handler);
        }
        return response;
    }

    private static void close(HttpResponse<?> response) throws IOException {
        if (response.body() instanceof InputStream in) {
            in.close();
        }
    }

    private HttpRequest request(URI uri, String accept, String auth) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofMinutes(10))
                .header("Accept", accept).header("User-Agent", "devsecops-scan");
        if (auth != null) {
            builder.header("Authorization", auth);
        }
        return builder.build();
    }

    /** The Authorization header answering {@code challenge}. */
    private String authenticate(String challenge) throws IOException, InterruptedException {
        Optional<RegistryCredentials.Login> login = credentials.forHost(reference.registry())
                .or(() -> credentials.forHost(reference.apiHost()));
        String scheme = challenge.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (scheme.equals("basic")) {
            if (login.isEmpty()) {
                throw new IOException("registry " + reference.registry() + " requires credentials");
            }
            return basic(login.get());
        }
        if (!scheme.equals("bearer")) {
            throw new IOException("registry asks for unsupported authentication " + scheme);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher matcher = PARAMETER.matcher(challenge);
        while (matcher.find()) {
            parameters.put(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2));
        }
        String realm = parameters.get("realm");
        if (realm == null) {
            throw new IOException("registry's bearer challenge names no realm");
        }
        URI realmUri = URI.create(realm);
        boolean realmPlain = "http".equals(realmUri.getScheme());
        if (!"https".equals(realmUri.getScheme()) && !(realmPlain && realmUri.getAuthority() != null
                && plainHttpAllowed(realmUri.getAuthority(), Set.of()))) {
            throw new IOException("registry's token realm " + realm + " is neither https nor loopback");
        }
        StringBuilder query = new StringBuilder();
        if (parameters.containsKey("service")) {
            query.append("service=").append(URLEncoder.encode(parameters.get("service"), StandardCharsets.UTF_8));
        }
        String scope = parameters.getOrDefault("scope", "repository:" + reference.repository() + ":pull");
        query.append(query.isEmpty() ? "" : "&").append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        URI tokenUri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
        HttpRequest.Builder builder = HttpRequest.newBuilder(tokenUri).GET().timeout(Duration.ofMinutes(1))
                .header("User-Agent", "devsecops-scan");
        login.ifPresent(l -> builder.header("Authorization", basic(l)));
        HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("token service answered HTTP " + response.statusCode()
                    + (login.isEmpty() ? " (no credentials were given for " + reference.registry() + ")" : ""));
        }
        JsonNode token = ManifestResolver.json(response.body(), "token response");
        String value = token.path("token").asText(token.path("access_token").asText(""));
        if (value.isBlank()) {
            throw new IOException("token service returned no token");
        }
        return "Bearer " + value;
    }

    private static String basic(RegistryCredentials.Login login) {
        return "Basic " + Base64.getEncoder().encodeToString((login.user() + ":" + login.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
