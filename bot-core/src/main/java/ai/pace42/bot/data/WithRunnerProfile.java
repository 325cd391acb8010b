package ai.pace42.bot.data;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.model.Readiness;
import ai.pace42.coach.model.SourceTrouble;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A runner's own source whose profile has the runner's {@code /profile} values laid over it. */
final class WithRunnerProfile implements ActivitySource {

    private final ActivitySource source;
    private final UnaryOperator<AthleteProfile> overlay;

    WithRunnerProfile(ActivitySource source, UnaryOperator<AthleteProfile> overlay) {
        this.source = source;
        this.overlay = overlay;
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
    public Optional<ActivityHeader> newest() {
        return source.newest();
    }

    @Override
    public AthleteProfile profile() {
        return overlay.apply(source.profile());
    }
}
