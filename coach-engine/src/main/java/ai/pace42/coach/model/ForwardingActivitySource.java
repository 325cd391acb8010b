package ai.pace42.coach.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A decorator's base: every method of the port goes to the wrapped source, so a decorator overrides only what it
 * changes. Written by hand, each decorator once dropped {@link #refreshedAt()} and with it the answer's
 * "Garmin data synced 4 min ago"; a method added to the port belongs here as well (a test checks).
 */
public abstract class ForwardingActivitySource implements ActivitySource {

    private final ActivitySource source;

    protected ForwardingActivitySource(ActivitySource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The wrapped source. */
    protected final ActivitySource source() {
        return source;
    }

    @Override
    public String label() {
        return source.label();
    }

    @Override
    public boolean isSample() {
        return source.isSample();
    }

    @Override
    public List<ActivityHeader> list(Instant from, Instant to) {
        return source.list(from, to);
    }

    @Override
    public Optional<Activity> load(String activityId) {
        return source.load(activityId);
    }

    @Override
    public Optional<Activity> summary(String activityId) {
        return source.summary(activityId);
    }

    @Override
    public Optional<Readiness> readiness(LocalDate day) {
        return source.readiness(day);
    }

    @Override
    public Optional<SourceTrouble> trouble() {
        return source.trouble();
    }

    @Override
    public Optional<Instant> refreshedAt() {
        return source.refreshedAt();
    }

    @Override
    public Optional<ActivityHeader> newest() {
        return source.newest();
    }

    @Override
    public AthleteProfile profile() {
        return source.profile();
    }
}
