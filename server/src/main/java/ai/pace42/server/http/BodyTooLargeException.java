package ai.pace42.server.http;

import java.io.IOException;

/** Thrown by the counted request stream once a body passes its limit; answered 413 wherever it surfaces. */
public final class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The exception itself or one of its causes, when a parser or Jersey wrapped it. */
    public static java.util.Optional<BodyTooLargeException> in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof BodyTooLargeException e) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }

    public String userMessage() {
        return "The request body is larger than " + BodyLimitFilter.readable(limit) + ".";
    }
}
