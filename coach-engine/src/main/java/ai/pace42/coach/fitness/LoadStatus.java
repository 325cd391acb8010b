package ai.pace42.coach.fitness;

import java.util.List;

/**
 * Where the runner stands: the fitness series, the weekly summaries, this week's monotony and strain, and how
 * much history the numbers rest on.
 *
 * @param rampPerWeek fitness change over the last 7 days
 * @param monotony    mean ÷ SD of the last 7 daily loads (Foster); NaN when there was no load
 */
public record LoadStatus(List<FitnessDay> days, List<WeekSummary> weeks, double rampPerWeek, double monotony,
                         double strain, int historyDays) {

    public LoadStatus {
        days = List.copyOf(days);
        weeks = List.copyOf(weeks);
    }

    public FitnessDay today() {
        return days.get(days.size() - 1);
    }

    public boolean warmingUp() {
        return historyDays < FitnessModel.WARM_UP_DAYS;
    }
}
