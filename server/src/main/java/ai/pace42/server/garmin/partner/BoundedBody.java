package ai.pace42.server.garmin.partner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads a request body up to a limit, whatever Content-Length claims; empty when the body is larger. */
final class BoundedBody {

    private BoundedBody() {
    }

    static Optional<String> read(InputStream in, int maxBytes) throws IOException {
        if (in == null) {
            return Optional.of("");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 64 * 1024));
        byte[] chunk = new byte[16 * 1024];
        int n;
        while ((n = in.read(chunk)) != -1) {
            if (out.size() + n > maxBytes) {
                return Optional.empty();
            }
            out.write(chunk, 0, n);
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }
}
