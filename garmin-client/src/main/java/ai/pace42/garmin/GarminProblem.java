package ai.pace42.garmin;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A typed failure. {@code detail} is for logs and may mention status codes or field names, never tokens or
 * passwords; {@code retryAfter} is set when Garmin told us how long to wait; {@code httpStatus} is the status of
 * Garmin's last answer, when there was one.
 */
public record GarminProblem(GarminProblemCode code, String detail, Optional<Duration> retryAfter,
                            OptionalInt httpStatus) {

    public GarminProblem {
        Objects.requireNonNull(code, "code");
        detail = detail == null ? "" : detail;
        retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
        httpStatus = httpStatus == null ? OptionalInt.empty() : httpStatus;
    }

    public GarminProblem(GarminProblemCode code, String detail, Optional<Duration> retryAfter) {
        this(code, detail, retryAfter, OptionalInt.empty());
    }

    public static GarminProblem of(GarminProblemCode code, String detail) {
        return new GarminProblem(code, detail, Optional.empty());
    }

    /** A problem read from an HTTP answer of Garmin's. */
    public static GarminProblem http(GarminProblemCode code, int status, String detail) {
        return new GarminProblem(code, detail, Optional.empty(), OptionalInt.of(status));
    }

    public String friendly() {
        return code.friendly();
    }
}
