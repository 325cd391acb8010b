package ai.pace42.coach.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A remote source whose every optional answer is set to a known value (synced at {@link #SYNCED}, in trouble,
 * with readiness and a newest run), so a test can check that a decorator passes each one through.
 */
public final class SyncedSource implements ActivitySource {

    public static final Instant SYNCED = Instant.parse("2026-11-30T08:15:00Z");
    public static final SourceTrouble TROUBLE = new SourceTrouble("GARMIN_SLOW", "Garmin is answering slowly",
            Optional.empty(), Optional.of(SYNCED));
    public static final Readiness READINESS = new Readiness(LocalDate.of(2026, 11, 30), OptionalInt.of(71),
            "BALANCED");
    public static final ActivityHeader NEWEST = new ActivityHeader("r-newest", "Morning Run", SportType.ROAD,
            Optional.empty(), java.util.OptionalDouble.of(1800), java.util.OptionalDouble.of(5000));

    private final boolean inTrouble;

    /** @param inTrouble whether {@link #trouble()} reports the slow Garmin */
    public SyncedSource(boolean inTrouble) {
        this.inTrouble = inTrouble;
    }

    @Override
    public String label() {
        return "Garmin";
    }

    @Override
    public List<ActivityHeader> list(Instant from, Instant to) {
        return List.of(NEWEST);
    }

    @Override
    public Optional<Activity> load(String activityId) {
        return Optional.empty();
    }

    @Override
    public Optional<Readiness> readiness(LocalDate day) {
        return day.equals(READINESS.date()) ? Optional.of(READINESS) : Optional.empty();
    }

    @Override
    public Optional<SourceTrouble> trouble() {
        return inTrouble ? Optional.of(TROUBLE) : Optional.empty();
    }

    @Override
    public Optional<Instant> refreshedAt() {
        return Optional.of(SYNCED);
    }

    @Override
    public Optional<ActivityHeader> newest() {
        return Optional.of(NEWEST);
    }
}
