package ai.pace42.coach.answer;

import ai.pace42.coach.analysis.Thresholds;
import ai.pace42.coach.model.Sourced;
import ai.pace42.coach.model.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Says where a threshold the coach calls "yours" came from: the runner ({@code /profile}), enough runs (how many,
 * over how long), the runner's age, or the linked service. Nothing from a single file is ever called yours.
 */
final class ThresholdSources {

    private ThresholdSources() {
    }

    /** "set by you", "estimated from your 24 runs over 9 weeks", "estimated from your age, ±10 bpm". */
    static String of(Sourced<?> value, CoachContext ctx) {
        if (value.source() == ValueSource.USER_SET) {
            return ctx.source() != null && ctx.source().isSample() ? "the sample athlete's profile" : "set by you";
        }
        if (value.source() == ValueSource.ESTIMATED) {
            List<Instant> starts = ctx.runs().stream().flatMap(r -> r.activity().startInstant().stream()).sorted().toList();
            if (starts.size() >= 2) {
                long weeks = Duration.between(starts.get(0), starts.get(starts.size() - 1)).toDays() / 7;
                return "estimated from your " + starts.size() + " runs over " + weeks + " weeks";
            }
        }
        return value.source().phrase();
    }

    /** pace42 never estimates an LTHR itself: an estimated one is the linked watch's (Garmin's) own. */
    private static String lthrSource(Thresholds th, CoachContext ctx) {
        Sourced<Double> l = th.lthr().orElseThrow();
        return l.source() == ValueSource.ESTIMATED ? "estimated by your watch" : of(l, ctx);
    }

    /** "78% of your max HR 188 bpm, set by you": what the easy ceiling rests on; empty without one. */
    static Optional<String> easyCeiling(Thresholds th, CoachContext ctx) {
        if (th.lthr().isPresent()) {
            return Optional.of("89% of your LTHR " + Format.bpm(th.lthr().get().value()) + ", " + lthrSource(th, ctx));
        }
        return th.maxHr().map(m -> "78% of your max HR " + Format.bpm(m.value()) + ", " + of(m, ctx));
    }

    /** One sentence naming every threshold in use and its source, for the full description; empty when none. */
    static String sentence(Thresholds th, CoachContext ctx) {
        List<String> parts = new ArrayList<>();
        th.maxHr().ifPresent(m -> parts.add("max HR " + Format.bpm(m.value()) + " (" + of(m, ctx) + ")"));
        th.lthr().ifPresent(l -> parts.add("LTHR " + Format.bpm(l.value()) + " (" + lthrSource(th, ctx) + ")"));
        th.thresholdSpeedMps().ifPresent(v -> parts.add("threshold pace " + ctx.format().pace(v.value()) + " (" + of(v, ctx) + ")"));
        th.vdot().ifPresent(v -> parts.add("VDOT " + Format.one(v.value()) + " (" + of(v, ctx) + ")"));
        if (th.restingHr().source() != ValueSource.DEFAULT) {
            parts.add("resting HR " + Format.bpm(th.restingHr().value()) + " (" + of(th.restingHr(), ctx) + ")");
        }
        return parts.isEmpty() ? "" : "Thresholds used: " + String.join(", ", parts) + ". ";
    }
}
