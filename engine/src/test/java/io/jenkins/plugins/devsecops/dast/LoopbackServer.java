package io.jenkins.plugins.devsecops.dast;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A loopback JDK HttpServer for tests: routes by path, records every request with its Host header and headers. */
final class LoopbackServer implements AutoCloseable {

    /** Answers one exchange. */
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** One request as received. */
    record Received(String method, String uri, String host, Map<String, List<String>> headers, String body) {
    }

    private final HttpServer server;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readNBytes(100_000), java.nio.charset.StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Host"), Map.copyOf(exchange.getRequestHeaders()), body));
            Handler handler = routes.get(exchange.getRequestURI().getPath());
            if (handler == null) {
                FixtureWebApp.html(exchange, 404, "<p>Not found</p>");
            } else {
                handler.handle(exchange);
            }
        });
        server.start();
    }

    LoopbackServer route(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    LoopbackServer page(String path, String html) {
        return route(path, exchange -> FixtureWebApp.html(exchange, 200, html));
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    List<String> paths() {
        return received.stream().map(r -> r.method() + " " + r.uri()).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
