package ai.pace42.coach.fitness;

import java.time.LocalDate;
import java.util.List;

/**
 * A concrete next session. Speeds in m/s (NaN when pace zones are unknown), hrCeiling in bpm (NaN when unknown),
 * maxDistanceM NaN when not capped. {@code reasons} are the guardrails that decided it, each with its number.
 */
public record Recommendation(LocalDate day, NextSession kind, int minMinutes, int maxMinutes, double maxDistanceM,
                             double fastSpeed, double slowSpeed, double hrCeiling, String workout,
                             List<String> reasons, LocalDate earliestQuality, String alternative) {

    public Recommendation {
        reasons = List.copyOf(reasons);
    }
}
