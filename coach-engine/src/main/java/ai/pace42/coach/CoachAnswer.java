package ai.pace42.coach;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the coach says back. The text uses pace42's small markup: {@code **bold**} and lines starting with
 * {@code "- "} as bullets; each chat platform's renderer turns that into its own markup.
 *
 * @param details the full breakdown behind a concise {@code text} (a run's splits, zones and synthesis), for a
 *                "details" / "more" follow-up or a details button; empty when the text is already everything
 */
public record CoachAnswer(String text, List<ChartImage> charts, Optional<String> details) {

    public CoachAnswer {
        Objects.requireNonNull(text, "text");
        charts = List.copyOf(charts);
        details = details == null ? Optional.empty() : details;
    }

    public CoachAnswer(String text, List<ChartImage> charts) {
        this(text, charts, Optional.empty());
    }

    public static CoachAnswer text(String text) {
        return new CoachAnswer(text, List.of());
    }

    public CoachAnswer withDetails(String full) {
        return new CoachAnswer(text, charts, Optional.of(full));
    }

    /** The same answer (charts, details) with another text, for notes added around it. */
    public CoachAnswer withText(String newText) {
        return new CoachAnswer(newText, charts, details);
    }
}
