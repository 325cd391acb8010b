package ai.pace42.server.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/** A request body that fails with {@link BodyTooLargeException} as soon as more than the limit was read. */
final class CountedInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long count;

    CountedInputStream(ServletInputStream in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        // Never ask for more than one byte past the limit, so an oversized body is never buffered here.
        int n = in.read(buffer, off, (int) Math.min(len, limit - count + 1));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) throws BodyTooLargeException {
        count += n;
        if (count > limit) {
            throw new BodyTooLargeException(limit);
        }
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
