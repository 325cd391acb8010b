package ai.pace42.coach.model;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One run as the coach sees it, whatever its source. Only the id is required; nothing assumes GPS or HR.
 *
 * @param id        the source's id, stable across loads
 * @param source    where it came from, e.g. {@code garmin}, {@code file}, {@code sample}
 * @param name      the activity title, possibly empty
 * @param sport     running sub-type
 * @param start     start time in the zone it was recorded in
 * @param elapsedS  wall-clock duration including pauses
 * @param movingS   moving (timer) duration
 * @param distanceM total distance
 * @param tags      what the runner or device said about the session (race, planned type)
 */
public record Activity(String id, String source, String name, SportType sport, Optional<ZonedDateTime> start,
                       OptionalDouble elapsedS, OptionalDouble movingS, OptionalDouble distanceM,
                       ActivitySummary summary, Samples samples, List<Lap> laps, SessionTags tags) {

    public Activity {
        Objects.requireNonNull(id, "id");
        source = source == null ? "unknown" : source;
        name = name == null ? "" : name;
        sport = sport == null ? SportType.UNKNOWN : sport;
        start = start == null ? Optional.empty() : start;
        elapsedS = elapsedS == null ? OptionalDouble.empty() : elapsedS;
        movingS = movingS == null ? OptionalDouble.empty() : movingS;
        distanceM = distanceM == null ? OptionalDouble.empty() : distanceM;
        summary = summary == null ? ActivitySummary.none() : summary;
        samples = samples == null ? Samples.empty() : samples;
        laps = laps == null ? List.of() : List.copyOf(laps);
        tags = tags == null ? SessionTags.none() : tags;
    }

    /** The start as an instant, if known. */
    public Optional<Instant> startInstant() {
        return start.map(ZonedDateTime::toInstant);
    }

    /** A header for lists: what a source can report without loading the samples. */
    public ActivityHeader header() {
        return new ActivityHeader(id, name, sport, start, movingS.isPresent() ? movingS : elapsedS, distanceM);
    }
}
