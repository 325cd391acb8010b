package ai.pace42.bot.account;

import ai.pace42.coach.UnitSystem;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A pace42 account: one runner, whichever platforms they write from.
 *
 * @param timeZone empty until the runner sets one (or a client tells us); answers then use UTC and say so
 */
public record Account(String id, Instant createdAt, UnitSystem units, Optional<ZoneId> timeZone,
                      String displayName) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(timeZone, "timeZone");
        displayName = displayName == null ? "" : displayName;
    }

    /** The zone to compute "today" and "yesterday" in. */
    public ZoneId effectiveZone() {
        return timeZone.orElse(ZoneId.of("UTC"));
    }
}
