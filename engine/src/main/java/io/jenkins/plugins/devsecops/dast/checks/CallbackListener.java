package io.jenkins.plugins.devsecops.dast.checks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The scanner's own loopback HTTP listener for SSRF checks: a payload names {@code http://127.0.0.1:PORT/TOKEN};
 * a request that reaches the listener with that token proves the application fetched it. It only records paths and
 * answers 200 with an empty body; it is bound to the loopback address and closed with the scan.
 */
public final class CallbackListener implements AutoCloseable {

    private final HttpServer server;
    private final Set<String> received = ConcurrentHashMap.newKeySet();

    private CallbackListener(HttpServer server) {
        this.server = server;
    }

    /** Starts a listener on an ephemeral loopback port. */
    public static CallbackListener start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        CallbackListener listener = new CallbackListener(server);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            if (path != null && path.length() < 200) {
                listener.received.add(path.substring(1));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "devsecops-dast-callback");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return listener;
    }

    /** The URL a payload names for {@code token}. */
    public String url(String token) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/"
                + token;
    }

    /** Whether a request for {@code token} arrived, waiting up to {@code millis}. */
    public boolean received(String token, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!received.contains(token)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
