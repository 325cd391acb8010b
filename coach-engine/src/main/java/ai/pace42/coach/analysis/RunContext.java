package ai.pace42.coach.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The runs before this one; empty for a first run or when history is not loaded. */
public record RunContext(List<PriorRun> previous) {

    public RunContext {
        previous = List.copyOf(previous);
    }

    public static RunContext none() {
        return new RunContext(List.of());
    }

    /** Median duration of previous runs, or NaN without history. */
    public double medianDurationS() {
        double[] d = previous.stream().mapToDouble(PriorRun::durationS).filter(x -> x > 0).sorted().toArray();
        return d.length == 0 ? Double.NaN : d[d.length / 2];
    }

    /** 80th percentile distance of previous runs; NaN with fewer than 5 runs. */
    public double distanceP80() {
        double[] d = previous.stream().mapToDouble(PriorRun::distanceM).filter(x -> x > 0).toArray();
        if (d.length < 5) {
            return Double.NaN;
        }
        Arrays.sort(d);
        return d[(int) Math.floor(0.8 * (d.length - 1))];
    }

    /** The most recent quality session that started within the window before {@code at}. */
    public Optional<PriorRun> hardSessionWithin(Instant at, Duration window) {
        return previous.stream()
                .filter(p -> p.type().hard() && p.start().isBefore(at) && !p.start().isBefore(at.minus(window)))
                .max((a, b) -> a.start().compareTo(b.start()));
    }
}
