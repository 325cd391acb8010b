package ai.pace42.garmin;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed failure. {@code detail} is for logs and may mention status codes or field names, never tokens or
 * passwords; {@code retryAfter} is set when Garmin told us how long to wait.
 */
public record GarminProblem(GarminProblemCode code, String detail, Optional<Duration> retryAfter) {

    public GarminProblem {
        Objects.requireNonNull(code, "code");
        detail = detail == null ? "" : detail;
        retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    }

    public static GarminProblem of(GarminProblemCode code, String detail) {
        return new GarminProblem(code, detail, Optional.empty());
    }

    public String friendly() {
        return code.friendly();
    }
}
