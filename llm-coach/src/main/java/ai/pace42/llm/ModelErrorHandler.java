package ai.pace42.llm;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResponseErrorHandler;

/**
 * Turns an error response of an OpenAI-compatible server or Ollama into a {@link ModelFailure} that keeps the status
 * and {@code Retry-After}. The body is read (bounded) only to tell a quota 429 from a rate-limit 429; it is never
 * logged, since servers echo prompt fragments into error messages.
 */
final class ModelErrorHandler implements ResponseErrorHandler {

    private static final int MAX_BODY = 4_096;
    private final Clock clock;

    ModelErrorHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean hasError(ClientHttpResponse response) throws IOException {
        return response.getStatusCode().isError();
    }

    @Override
    public void handleError(ClientHttpResponse response) throws IOException {
        handleError(null, null, response);
    }

    @Override
    public void handleError(URI url, HttpMethod method, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        String body = body(response).toLowerCase(Locale.ROOT);
        Optional<Duration> retryAfter = retryAfter(response.getHeaders().getFirst("Retry-After"), clock);
        ModelFailure.Kind kind;
        if (status == 429) {
            kind = body.contains("quota") || body.contains("insufficient") ? ModelFailure.Kind.QUOTA
                    : ModelFailure.Kind.RATE_LIMITED;
        } else if (status == 402) {
            kind = ModelFailure.Kind.QUOTA;
        } else if (status == 401 || status == 403) {
            kind = ModelFailure.Kind.AUTH;
        } else if (status == 404) {
            kind = ModelFailure.Kind.MODEL_NOT_FOUND;
        } else if (status == 408 || status >= 500) {
            kind = ModelFailure.Kind.SERVER;
        } else {
            kind = ModelFailure.Kind.REJECTED;
        }
        throw new ModelFailure(kind, status, retryAfter, "model server answered HTTP " + status);
    }

    private static String body(ClientHttpResponse response) {
        try (InputStream in = response.getBody()) {
            return new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date (RFC 9110 §10.2.3); empty when absent or unreadable. */
    static Optional<Duration> retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String h = header.strip();
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(h) * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
