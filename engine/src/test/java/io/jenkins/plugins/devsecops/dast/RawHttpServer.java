package io.jenkins.plugins.devsecops.dast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A loopback server that writes its responses byte for byte, for what the JDK's HttpServer refuses to send: a header
 * value with a line break in it (CRLF injection), a body larger than announced, an endless body.
 */
final class RawHttpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread thread;

    /** Serves: the function maps the decoded request target to the raw response bytes. */
    RawHttpServer(Function<String, byte[]> responder) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                    String line = in.readLine();
                    String header;
                    do {
                        header = in.readLine();
                    } while (header != null && !header.isEmpty());
                    if (line == null) {
                        continue;
                    }
                    String target = URLDecoder.decode(line.split(" ")[1], StandardCharsets.UTF_8);
                    OutputStream out = client.getOutputStream();
                    out.write(responder.apply(target));
                    out.flush();
                } catch (IOException | RuntimeException e) {
                    // the next connection is served
                }
            }
        }, "raw-http");
        thread.setDaemon(true);
        thread.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    static byte[] response(String status, String headers, String body) {
        return ("HTTP/1.1 " + status + "\r\n" + headers + "Content-Type: text/html\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
