package ai.pace42.coach.intent;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Which run the runner means: any combination of a date (in their zone), a distance and a kind ("long", "tempo",
 * "race", "interval", "easy").
 */
public record RunSelector(Optional<LocalDate> date, OptionalDouble distanceM, Optional<String> kind) {

    public RunSelector {
        date = date == null ? Optional.empty() : date;
        distanceM = distanceM == null ? OptionalDouble.empty() : distanceM;
        kind = kind == null ? Optional.empty() : kind;
    }

    public boolean isEmpty() {
        return date.isEmpty() && distanceM.isEmpty() && kind.isEmpty();
    }
}
