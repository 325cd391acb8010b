package ai.pace42.coach.analysis;

import java.util.List;

/**
 * How the pace was spread. splitRatio = second-half time ÷ first-half time by distance (below 0.98 negative,
 * above 1.02 positive, above 1.05 a significant fade); splitCv = coefficient of variation of full-split paces;
 * fromDeviceLaps when the splits are the watch's own distance laps.
 */
public record Pacing(List<Split> splits, double splitRatio, double splitCv, double firstHalfS, double secondHalfS,
                     boolean fromDeviceLaps) {

    public Pacing {
        splits = List.copyOf(splits);
    }

    public Pacing(List<Split> splits, double splitRatio, double splitCv, double firstHalfS, double secondHalfS) {
        this(splits, splitRatio, splitCv, firstHalfS, secondHalfS, false);
    }

    public String splitKind() {
        if (Double.isNaN(splitRatio)) {
            return "unknown";
        }
        return splitRatio < 0.98 ? "negative" : splitRatio <= 1.02 ? "even" : "positive";
    }
}
