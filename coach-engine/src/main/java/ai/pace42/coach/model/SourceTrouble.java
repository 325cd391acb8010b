package ai.pace42.coach.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a source could not give fresh data for this answer, so the coach says that instead of "no runs".
 *
 * @param code     the stable error code shown to the runner and support, e.g. {@code GARMIN_RATE_LIMITED}
 * @param reason   one clause that is true and safe to show, e.g. "Garmin is limiting requests"
 * @param retryAt  when the source will try again, if it knows
 * @param dataAsOf when the data the source still holds was last refreshed, if ever
 */
public record SourceTrouble(String code, String reason, Optional<Instant> retryAt, Optional<Instant> dataAsOf) {

    public SourceTrouble {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
        retryAt = retryAt == null ? Optional.empty() : retryAt;
        dataAsOf = dataAsOf == null ? Optional.empty() : dataAsOf;
    }
}
