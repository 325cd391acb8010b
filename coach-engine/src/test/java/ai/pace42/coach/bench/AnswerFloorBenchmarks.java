package ai.pace42.coach.bench;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.cache.CachingCoach;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.sample.SampleAthlete;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The floor under the HTTP figure: what one answer costs in-process, for each question of the load mix
 * (scripts/ChatLoad.java). {@code computed}: the analysed history is warm, the answer and its chart are built
 * (what the server did per request before the answer cache). {@code cached}: the answer cache's hit path (list
 * the runs, build the key, look up), what a repeated question costs the server now. HTTP / floor is reported in
 * docs/performance.md. Not a test: {@code mvn -B -q -pl coach-engine -Pbench verify -Dbench.include=AnswerFloor}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AnswerFloorBenchmarks {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final Instant NOW = Instant.parse("2026-11-26T19:00:00Z");

    @Param({"Analyze my last run", "Compare my last 3 runs", "How is my fitness trending?", "What should I run tomorrow?"})
    public String question;

    DeterministicCoach computed;
    CachingCoach cached;
    CoachQuestion q;

    @Setup(Level.Trial)
    public void setUp() {
        ActivitySource sample = new SampleAthlete(Clock.fixed(NOW, ZoneOffset.UTC), ZONE);
        q = new CoachQuestion("bench", question, UnitSystem.METRIC, ZONE, NOW);
        computed = new DeterministicCoach(account -> Optional.of(sample));
        computed.answer(q);
        cached = new CachingCoach(account -> Optional.of(sample), DeterministicCoach::new);
        cached.answer(q);
    }

    @Benchmark
    public CoachAnswer computed() {
        return computed.answer(q);
    }

    @Benchmark
    public CoachAnswer cached() {
        return cached.answer(q);
    }
}
