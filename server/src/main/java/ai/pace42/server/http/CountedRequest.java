package ai.pace42.server.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A request whose body can only be read within its limit: either already read into memory (small limits, so
 * the 413 comes before any endpoint runs), or through a counting stream (large limits, read by the endpoint).
 */
final class CountedRequest extends HttpServletRequestWrapper {

    private final ServletInputStream body;

    private CountedRequest(HttpServletRequest request, ServletInputStream body) {
        super(request);
        this.body = body;
    }

    /**
     * Reads at most {@code limit + 1} bytes now; fails with {@link BodyTooLargeException} above the limit and
     * with an IOException when the body is still arriving after {@code deadline}.
     */
    static CountedRequest buffered(HttpServletRequest request, long limit, Duration deadline) throws IOException {
        byte[] bytes = new CountedInputStream(request.getInputStream(), limit, System.nanoTime() + deadline.toNanos())
                .readAllBytes();
        return new CountedRequest(request, new Replay(bytes));
    }

    static CountedRequest streamed(HttpServletRequest request, long limit) throws IOException {
        return new CountedRequest(request, new CountedInputStream(request.getInputStream(), limit));
    }

    @Override
    public ServletInputStream getInputStream() {
        return body;
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(body, charset));
    }

    private static final class Replay extends ServletInputStream {
        private final ByteArrayInputStream in;

        Replay(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("the body was already read");
        }
    }
}
