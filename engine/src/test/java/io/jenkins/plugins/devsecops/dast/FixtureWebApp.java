package io.jenkins.plugins.devsecops.dast;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A small web application written for the DAST tests, served on loopback by the JDK's HttpServer. Every route has a
 * vulnerable implementation and a fixed one; {@code new FixtureWebApp(true)} serves the vulnerable ones, {@code false}
 * the fixed ones. SQL runs on a real in-memory H2 database, commands in a real shell ({@code sh -c}, only for the
 * vulnerable ping), XPath on the JDK's engine, files from a real directory.
 */
final class FixtureWebApp implements AutoCloseable {

    private final boolean vulnerable;
    private final HttpServer server;
    private final Connection database;
    private final Path files;
    private final HttpClient fetcher = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger count = new AtomicInteger();

    FixtureWebApp(boolean vulnerable) throws IOException, SQLException {
        this.vulnerable = vulnerable;
        this.database = DriverManager.getConnection("jdbc:h2:mem:fixture" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Statement statement = database.createStatement()) {
            statement.execute("CREATE TABLE items(id INT PRIMARY KEY, name VARCHAR(50), owner VARCHAR(50))");
            statement.execute("INSERT INTO items VALUES (1, 'Red chair', 'alice'), (2, 'Blue table', 'bob'), "
                    + "(3, 'Green lamp', 'alice')");
        }
        files = Files.createTempDirectory("dast-fixture-files");
        Files.writeString(files.resolve("readme.txt"), "Welcome to the fixture application.");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::route);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void route(HttpExchange exchange) throws IOException {
        count.incrementAndGet();
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        try {
            Map<String, String> params = params(exchange);
            String path = exchange.getRequestURI().getPath();
            if (vulnerable) {
                exchange.getResponseHeaders().add("Server", "Apache/2.4.29 (Ubuntu)");
                exchange.getResponseHeaders().add("X-Powered-By", "PHP/7.2.1");
            } else {
                exchange.getResponseHeaders().add("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
                exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
                exchange.getResponseHeaders().add("Referrer-Policy", "strict-origin-when-cross-origin");
                exchange.getResponseHeaders().add("Permissions-Policy", "camera=(), microphone=()");
            }
            switch (path) {
                case "/" -> index(exchange);
                case "/search" -> html(exchange, 200, "<h1>Results for " + (vulnerable ? params.getOrDefault("q", "")
                        : escape(params.getOrDefault("q", ""))) + "</h1><p>No results.</p>");
                case "/profile" -> html(exchange, 200, "<form><input name=\"name\" value=\""
                        + (vulnerable ? params.getOrDefault("name", "") : escape(params.getOrDefault("name", "")))
                        + "\"><input type=submit></form>");
                case "/greet" -> html(exchange, 200, "<p>Hello</p><script>var who = '" + (vulnerable
                        ? params.getOrDefault("who", "") : jsEscape(params.getOrDefault("who", ""))) + "';</script>");
                case "/item" -> item(exchange, params.getOrDefault("id", "1"));
                case "/owner" -> owner(exchange, params.getOrDefault("name", "alice"));
                case "/ping" -> ping(exchange, params.getOrDefault("host", ""));
                case "/file" -> file(exchange, params.getOrDefault("name", "readme.txt"));
                case "/go" -> redirect(exchange, params.getOrDefault("url", "/"));
                case "/preview" -> preview(exchange, params.getOrDefault("url", ""));
                case "/lookup" -> ldap(exchange, params.getOrDefault("uid", ""));
                case "/member" -> xpath(exchange, params.getOrDefault("user", ""));
                case "/login" -> html(exchange, 200, "<form method=post action=/login><input name=user>"
                        + "<input type=password name=pass" + (vulnerable ? "" : " autocomplete=\"current-password\"")
                        + "><input type=submit value=Login></form>");
                case "/crash" -> html(exchange, vulnerable ? 500 : 500, vulnerable
                        ? "<pre>java.lang.IllegalStateException: boom\n\tat com.example.shop.Cart.total(Cart.java:42)\n"
                                + "\tat com.example.shop.CartServlet.doGet(CartServlet.java:17)</pre>"
                        : "<p>Something went wrong. Reference 7f3a.</p>");
                case "/static/app.js" -> javascript(exchange);
                case "/static/app.js.map" -> send(exchange, vulnerable ? 200 : 404, "application/json",
                        vulnerable ? "{\"version\":3,\"sources\":[\"src/app.ts\"],\"mappings\":\"AAAA\"}" : "");
                case "/.git/HEAD" -> send(exchange, vulnerable ? 200 : 404, "text/plain",
                        vulnerable ? "ref: refs/heads/main\n" : "not found");
                case "/.git/config" -> send(exchange, vulnerable ? 200 : 404, "text/plain",
                        vulnerable ? "[core]\n\trepositoryformatversion = 0\n" : "not found");
                case "/files/" -> html(exchange, vulnerable ? 200 : 403, vulnerable
                        ? "<html><head><title>Index of /files</title></head><body><h1>Index of /files</h1>"
                                + "<a href=\"../\">Parent Directory</a><a href=\"readme.txt\">readme.txt</a></body></html>"
                        : "<p>Forbidden</p>");
                case "/status" -> html(exchange, vulnerable ? 200 : 404, vulnerable
                        ? "<html><head><title>phpinfo()</title></head><body><h1 class=\"p\">PHP Version 7.2.1</h1></body></html>"
                        : "<p>Not found</p>");
                case "/about" -> html(exchange, 200, "<p>Contact us.</p>" + (vulnerable
                        ? "<!-- backend at 10.0.12.7:8080 -->" : ""));
                case "/api/data" -> api(exchange);
                case "/logout" -> html(exchange, 200, "<p>Logged out</p>");
                default -> html(exchange, 404, "<p>Not found</p>");
            }
        } catch (RuntimeException | SQLException e) {
            html(exchange, 500, "<p>Error</p>");
        }
    }

    private void index(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Set-Cookie", vulnerable ? "session=abc123def456"
                : "session=abc123def456; Secure; HttpOnly; SameSite=Lax");
        html(exchange, 200, "<html><head><title>Shop</title><script src=\"/static/app.js\"></script></head><body>"
                + "<a href=\"/search?q=chair\">Search</a> <a href=\"/profile?name=bob\">Profile</a>"
                + " <a href=\"/greet?who=guest\">Greet</a> <a href=\"/item?id=1\">Item</a>"
                + " <a href=\"/owner?name=alice\">Owner</a> <a href=\"/file?name=readme.txt\">Readme</a>"
                + " <a href=\"/go?url=/about\">About (via redirect)</a> <a href=\"/preview?url=/about\">Preview</a>"
                + " <a href=\"/lookup?uid=jdoe\">Directory</a> <a href=\"/member?user=alice\">Member</a>"
                + " <a href=\"/login\">Login</a> <a href=\"/crash\">Cart</a> <a href=\"/files/\">Files</a>"
                + " <a href=\"/status\">Status</a> <a href=\"/about\">About</a> <a href=\"/api/data\">API</a>"
                + " <a href=\"/logout\">Log out</a>"
                + "<form method=\"post\" action=\"/ping\"><input name=\"host\" value=\"127.0.0.1\">"
                + "<input type=\"submit\" value=\"Ping\"></form></body></html>");
    }

    private void item(HttpExchange exchange, String id) throws IOException, SQLException {
        StringBuilder page = new StringBuilder("<h1>Item</h1>");
        try {
            ResultSet rows;
            if (vulnerable) {
                rows = database.createStatement().executeQuery("SELECT name FROM items WHERE id = " + id);
            } else {
                PreparedStatement statement = database.prepareStatement("SELECT name FROM items WHERE id = ?");
                statement.setInt(1, Integer.parseInt(id.trim()));
                rows = statement.executeQuery();
            }
            while (rows.next()) {
                page.append("<p>").append(escape(rows.getString(1))).append("</p>");
            }
        } catch (NumberFormatException e) {
            page.append("<p>Invalid id.</p>");
        } catch (SQLException e) {
            // The vulnerable page shows the database's message, as many do.
            page.append("<p>Error: ").append(escape(e.getMessage())).append("</p>");
        }
        html(exchange, 200, page.toString());
    }

    private void owner(HttpExchange exchange, String name) throws IOException, SQLException {
        StringBuilder page = new StringBuilder("<h1>Items of the owner</h1><ul>");
        try {
            ResultSet rows;
            if (vulnerable) {
                rows = database.createStatement().executeQuery("SELECT name FROM items WHERE owner = '" + name + "'");
            } else {
                PreparedStatement statement = database.prepareStatement("SELECT name FROM items WHERE owner = ?");
                statement.setString(1, name);
                rows = statement.executeQuery();
            }
            while (rows.next()) {
                page.append("<li>").append(escape(rows.getString(1))).append("</li>");
            }
        } catch (SQLException e) {
            page.append("<li>none</li>"); // no error shown: only a boolean difference gives it away
        }
        html(exchange, 200, page.append("</ul>").toString());
    }

    private void ping(HttpExchange exchange, String host) throws IOException {
        String output;
        try {
            Process process;
            if (vulnerable) {
                process = new ProcessBuilder("sh", "-c", "echo Pinging " + host).redirectErrorStream(true).start();
            } else if (host.matches("[0-9.]{7,15}")) {
                process = new ProcessBuilder("echo", "Pinging", host).redirectErrorStream(true).start();
            } else {
                html(exchange, 200, "<p>Invalid host.</p>");
                return;
            }
            output = new String(process.getInputStream().readNBytes(10_000), StandardCharsets.UTF_8);
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            output = "";
        }
        html(exchange, 200, "<pre>" + escape(output) + "</pre>");
    }

    private void file(HttpExchange exchange, String name) throws IOException {
        Path path = files.resolve(name).normalize();
        if (!vulnerable && !path.startsWith(files)) {
            html(exchange, 400, "<p>Invalid file.</p>");
            return;
        }
        String content;
        try {
            content = Files.readString(vulnerable ? Path.of(files + "/" + name) : path);
        } catch (IOException | RuntimeException e) {
            content = "not found";
        }
        html(exchange, 200, "<pre>" + escape(content) + "</pre>");
    }

    private void redirect(HttpExchange exchange, String url) throws IOException {
        String target = vulnerable || url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") ? url : "/";
        exchange.getResponseHeaders().add("Location", target);
        send(exchange, 302, "text/html", "");
    }

    private void preview(HttpExchange exchange, String url) throws IOException {
        String text = "nothing";
        if (vulnerable && url.startsWith("http")) {
            try {
                text = "fetched " + fetcher.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (IOException | InterruptedException | IllegalArgumentException e) {
                text = "unreachable";
            }
        } else if (url.startsWith("/")) {
            text = "local page " + escape(url);
        }
        html(exchange, 200, "<p>Preview: " + text + "</p>");
    }

    private void ldap(HttpExchange exchange, String uid) throws IOException {
        String value = vulnerable ? uid : uid.replace("\\", "\\5c").replace("*", "\\2a").replace("(", "\\28")
                .replace(")", "\\29");
        String filter = "(&(objectClass=person)(uid=" + value + "))";
        int depth = 0;
        boolean valid = true;
        for (char c : filter.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            valid &= depth >= 0;
        }
        valid &= depth == 0;
        html(exchange, valid ? 200 : 500, valid ? "<p>No entry for " + escape(uid) + "</p>"
                : "<p>javax.naming.directory.InvalidSearchFilterException: Bad search filter " + escape(filter) + "</p>");
    }

    private void xpath(HttpExchange exchange, String user) throws IOException {
        String xml = "<users><user><name>alice</name><role>admin</role></user><user><name>bob</name><role>user</role>"
                + "</user></users>";
        String result;
        try {
            XPath xpath = XPathFactory.newInstance().newXPath();
            String expression;
            if (vulnerable) {
                expression = "//user[name='" + user + "']/role";
            } else {
                xpath.setXPathVariableResolver(name -> user);
                expression = "//user[name=$name]/role";
            }
            NodeList nodes = (NodeList) xpath.evaluate(expression, DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder().parse(new InputSource(new StringReader(xml))), XPathConstants.NODESET);
            result = nodes.getLength() == 0 ? "unknown" : nodes.item(0).getTextContent();
        } catch (XPathExpressionException e) {
            result = "javax.xml.xpath.XPathExpressionException: " + e.getMessage();
        } catch (Exception e) {
            result = "error";
        }
        html(exchange, 200, "<p>Role: " + escape(result) + "</p>");
    }

    private void javascript(HttpExchange exchange) throws IOException {
        String body = vulnerable
                ? "/*! jQuery v1.8.3 jquery.com | jquery.org/license */\n(function(){var a=1;})();\n//# sourceMappingURL=app.js.map\n"
                : "/*! jQuery v3.7.1 | (c) OpenJS Foundation and other contributors | jquery.org/license */\n(function(){})();\n";
        send(exchange, 200, "application/javascript", body);
    }

    private void api(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (vulnerable && origin != null) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().add("Access-Control-Allow-Credentials", "true");
        }
        send(exchange, 200, "application/json", "{\"items\":3}");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String jsEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) || c == ' ' ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    static Map<String, String> params(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        parse(query, params);
        if ("POST".equals(exchange.getRequestMethod())) {
            try (InputStream in = exchange.getRequestBody()) {
                parse(new String(in.readNBytes(100_000), StandardCharsets.UTF_8), params);
            }
        }
        return params;
    }

    private static void parse(String encoded, Map<String, String> params) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                params.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
    }

    static void html(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", body);
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        try {
            database.close();
        } catch (SQLException e) {
            // in-memory database; nothing to keep
        }
        try (var stream = Files.list(files)) {
            for (Path file : stream.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(files);
    }
}
