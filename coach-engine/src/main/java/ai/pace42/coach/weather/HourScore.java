package ai.pace42.coach.weather;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The running-conditions score of one hour: the worst of its factors, never an average (averaging let the old
 * prototype's scorers call a thunderstorm hour "fair").
 *
 * @param factors every factor that could be judged, including the good ones
 */
public record HourScore(HourlyWeather hour, List<Factor> factors) {

    public HourScore {
        factors = List.copyOf(factors);
    }

    /** The factor that sets the score: lowest score, the more severe status on a tie. Empty when none was judged. */
    public Optional<Factor> limiting() {
        return factors.stream().min(Comparator.comparingInt(Factor::score)
                .thenComparing(Factor::status, Comparator.reverseOrder()));
    }

    public int score() {
        return limiting().map(Factor::score).orElse(100);
    }

    public Status status() {
        return limiting().map(Factor::status).orElse(Status.OK);
    }

    /** The factors that are not simply fine, worst first. */
    public List<Factor> concerns() {
        return factors.stream().filter(f -> f.status() != Status.OK)
                .sorted(Comparator.comparingInt(Factor::score)).toList();
    }
}
