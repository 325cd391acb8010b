package ai.pace42.server.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A request body that fails with {@link BodyTooLargeException} as soon as more than the limit was read, and
 * (when given a deadline) with {@link BodyTooSlowException} when it is still arriving after it: a body that
 * trickles in a byte at a time would otherwise keep resetting Jetty's idle timeout and hold a thread for ever.
 */
final class CountedInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private final long deadlineNanos;
    private long count;

    CountedInputStream(ServletInputStream in, long limit) {
        this(in, limit, Long.MAX_VALUE);
    }

    CountedInputStream(ServletInputStream in, long limit, long deadlineNanos) {
        this.in = in;
        this.limit = limit;
        this.deadlineNanos = deadlineNanos;
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

    private void counted(int n) throws IOException {
        count += n;
        if (count > limit) {
            throw new BodyTooLargeException(limit);
        }
        if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
            throw new BodyTooSlowException();
        }
    }

    /** The body did not arrive in time. */
    static final class BodyTooSlowException extends IOException {
        BodyTooSlowException() {
            super("request body still arriving after its deadline");
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
