package ai.pace42.coach.model;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/** What a source can list cheaply: enough to pick activities by date or distance before loading them. */
public record ActivityHeader(String id, String name, SportType sport, Optional<ZonedDateTime> start,
                             OptionalDouble durationS, OptionalDouble distanceM) {

    public ActivityHeader {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        sport = sport == null ? SportType.UNKNOWN : sport;
        start = start == null ? Optional.empty() : start;
        durationS = durationS == null ? OptionalDouble.empty() : durationS;
        distanceM = distanceM == null ? OptionalDouble.empty() : distanceM;
    }
}
