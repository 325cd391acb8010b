package ai.pace42.coach.analysis;

import java.util.List;

/**
 * How the pace was spread. splitRatio = second-half time ÷ first-half time by distance (below 0.98 negative,
 * above 1.02 positive, above 1.05 a significant fade); splitCv = coefficient of variation of full-split paces.
 */
public record Pacing(List<Split> splits, double splitRatio, double splitCv, double firstHalfS, double secondHalfS) {

    public Pacing {
        splits = List.copyOf(splits);
    }

    public String splitKind() {
        if (Double.isNaN(splitRatio)) {
            return "unknown";
        }
        return splitRatio < 0.98 ? "negative" : splitRatio <= 1.02 ? "even" : "positive";
    }
}
