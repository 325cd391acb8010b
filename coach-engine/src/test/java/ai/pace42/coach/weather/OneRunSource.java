package ai.pace42.coach.weather;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A runner's source with exactly one run, loaded in full. */
record OneRunSource(Activity run) implements ActivitySource {

    @Override
    public String label() {
        return "one run";
    }

    @Override
    public List<ActivityHeader> list(Instant from, Instant to) {
        return List.of(run.header());
    }

    @Override
    public Optional<Activity> load(String activityId) {
        return Optional.of(run);
    }

    @Override
    public Optional<ActivityHeader> newest() {
        return Optional.of(run.header());
    }
}
