package ai.pace42.llm;

import ai.pace42.llm.Quantity.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every number of a model's reply comes from this turn's tool results, the runner's message or the
 * context the coach gave (today's date), within the tolerance of the unit it is written in (coaching-science §6.2).
 * Computed numbers ("2 km more than last week") fail unless a tool returned them: the model narrates, it never
 * calculates.
 */
final class Grounding {

    /** Domain constants a reply may use without a source: zones 1–5, "80/20", "10%" rules, "7 days". */
    private static final Set<Double> WHITELIST = Set.of(0d, 1d, 2d, 3d, 4d, 5d, 7d, 10d, 20d, 80d, 100d);
    private static final Pattern RAW_NUMBER = Pattern.compile("(?<![\\d:.])\\d+(?:\\.\\d+)?(?![\\d:])");
    private static final Pattern CLOCK_TEXT = Pattern.compile("(\\d{1,3}):(\\d{2})");

    private final List<Quantity> sources = new ArrayList<>();
    private final List<Double> rawNumbers = new ArrayList<>();
    private final List<Double> clockValues = new ArrayList<>();

    /** Adds a text whose numbers a reply may repeat. */
    Grounding allow(String source) {
        sources.addAll(NumberExtractor.extract(source));
        Matcher raw = RAW_NUMBER.matcher(source.replaceAll("(\\d),(\\d{3})(?!\\d)", "$1$2"));
        while (raw.find()) {
            rawNumbers.add(Double.parseDouble(raw.group()));
        }
        Matcher clock = CLOCK_TEXT.matcher(source);
        while (clock.find()) {
            clockValues.add(Integer.parseInt(clock.group(1)) * 60d + Integer.parseInt(clock.group(2)));
        }
        return this;
    }

    /** The numbers of {@code reply} no source supports, as written in the reply; empty when all are grounded. */
    List<String> ungrounded(String reply) {
        List<String> bad = new ArrayList<>();
        for (Quantity q : NumberExtractor.extract(reply)) {
            if (!grounded(q)) {
                bad.add(q.text().strip());
            }
        }
        return bad.stream().distinct().toList();
    }

    private boolean grounded(Quantity q) {
        if (sources.stream().anyMatch(q::matches)) {
            return true;
        }
        return switch (q.kind()) {
            case PLAIN -> WHITELIST.contains(q.value())
                    || rawNumbers.stream().anyMatch(n -> Math.abs(n - q.value()) <= q.tolerance() + 1e-9);
            // m:ss written without a unit matches any m:ss of the sources (a pace, a duration, a split).
            case CLOCK -> clockValues.stream().anyMatch(c -> Math.abs(c - q.value()) <= 1);
            // "52 min" for a run timed 52:13, "5:12 /km" for a split printed as 5:12.
            case DURATION -> clockValues.stream().anyMatch(c -> Math.abs(c - q.value()) <= q.tolerance())
                    || sources.stream().anyMatch(s -> s.kind() == Kind.CLOCK && Math.abs(s.value() * 60 - q.value()) <= q.tolerance());
            case PACE -> clockValues.stream().anyMatch(c -> Math.abs(c - q.value()) <= q.tolerance());
            case PERCENT -> q.value() == 10 || q.value() == 80 || q.value() == 20;
            default -> false;
        };
    }
}
