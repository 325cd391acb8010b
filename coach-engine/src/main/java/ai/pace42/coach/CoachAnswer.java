package ai.pace42.coach;

import java.util.List;
import java.util.Objects;

/**
 * What the coach says back. The text uses pace42's small markup: {@code **bold**} and lines starting with
 * {@code "- "} as bullets; each chat platform's renderer turns that into its own markup.
 */
public record CoachAnswer(String text, List<ChartImage> charts) {

    public CoachAnswer {
        Objects.requireNonNull(text, "text");
        charts = List.copyOf(charts);
    }

    public static CoachAnswer text(String text) {
        return new CoachAnswer(text, List.of());
    }
}
