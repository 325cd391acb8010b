package ai.pace42.coach;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A runner's question with everything the coach needs to answer it in the runner's own terms.
 *
 * @param accountId the pace42 account asking; the coach only ever reads this account's data
 * @param text      what the runner wrote, trimmed
 * @param units     the runner's preferred distance units
 * @param zone      the runner's time zone, used for "yesterday", "on Tuesday" and for displaying times
 * @param askedAt   when the question arrived
 * @param requestId the id support can look up, quoted with any error code in the answer ("" when none)
 */
public record CoachQuestion(String accountId, String text, UnitSystem units, ZoneId zone, Instant askedAt,
                            String requestId) {

    public CoachQuestion(String accountId, String text, UnitSystem units, ZoneId zone, Instant askedAt) {
        this(accountId, text, units, zone, askedAt, "");
    }

    public CoachQuestion {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(askedAt, "askedAt");
        requestId = requestId == null ? "" : requestId;
    }
}
