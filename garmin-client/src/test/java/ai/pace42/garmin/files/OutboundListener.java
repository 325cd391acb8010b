package ai.pace42.garmin.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain HTTP listener on 127.0.0.1 playing the attacker's server: it records the request line of every
 * connection and answers each with a DTD that would send a local file's first line back to it. A test that sees
 * {@link #requests()} empty knows no parser reached out.
 */
public final class OutboundListener implements AutoCloseable {

    private final ServerSocket socket;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final String secretPath;

    /** {@code secretPath}: the local file the served DTD tries to leak. */
    public OutboundListener(String secretPath) {
        this.secretPath = secretPath;
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accept = new Thread(this::serve, "outbound-listener");
        accept.setDaemon(true);
        accept.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** The request lines received so far (one per connection). */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                requests.add(String.valueOf(in.readLine()));
                byte[] dtd = HostileFiles.exfiltratingDtd(url(), secretPath).getBytes(StandardCharsets.UTF_8);
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.0 200 OK\r\nContent-Type: application/xml-dtd\r\nContent-Length: " + dtd.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(dtd);
                out.flush();
            } catch (IOException e) {
                // closed, or a client gave up: keep listening until close()
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
