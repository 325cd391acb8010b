package ai.pace42.server.http;

import ai.pace42.bot.persistence.Ids;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** Request correlation ids: a client's sane {@code X-Request-Id} is kept, anything else is replaced. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    public static String acceptOrGenerate(String fromClient) {
        return fromClient != null && SANE.matcher(fromClient).matches() ? fromClient : Ids.newId("req");
    }

    /** The id of the request this thread is serving. */
    public static String current() {
        String id = MDC.get(MDC_KEY);
        return id == null ? "unknown" : id;
    }
}
