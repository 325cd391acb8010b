package ai.pace42.llm;

import ai.pace42.bot.memory.CoachMemory;
import ai.pace42.bot.memory.ConversationMemory;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.sample.SampleAthlete;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;
import org.springframework.ai.chat.model.ChatModel;

/**
 * An LLM coach over a migrated SQLite database and sample-athlete accounts, its model either Spring AI against a
 * WireMock server or a scripted {@link ChatModel}. Waits between retries are recorded, not slept.
 */
final class LlmFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    final Jdbi jdbi;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final Map<String, ActivitySource> sources = new HashMap<>();
    final List<Duration> sleeps = new ArrayList<>();
    final ConversationMemory conversation;
    final CoachMemory memory;
    final UsageLedger usage;
    final DeterministicCoach deterministic;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    LlmFixture(Path dir, String... accounts) {
        jdbi = TestDatabases.sqlite(dir);
        TestDatabases.insertAccounts(jdbi, accounts);
        for (String a : accounts) {
            sources.put(a, new SampleAthlete(clock, ZONE));
        }
        conversation = new ConversationMemory(jdbi, clock, 12);
        memory = new CoachMemory(jdbi, clock);
        usage = new UsageLedger(jdbi, clock);
        deterministic = new DeterministicCoach(id -> Optional.ofNullable(sources.get(id)));
    }

    /** Generous: a busy build machine must not turn a slow first analysis into a time-out. */
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    static LlmSettings settings(LlmSettings.Provider provider, String baseUrl, Duration timeout) {
        return new LlmSettings(provider, baseUrl, "sk-test-key", "test-model", timeout, 2000, 600, 300_000, 3);
    }

    LlmCoach coach(LlmSettings settings) {
        return coach(ModelBackend.create(settings, clock));
    }

    LlmCoach coach(ChatModel model, LlmSettings settings) {
        return coach(new ModelBackend(model, settings));
    }

    private LlmCoach coach(ModelBackend backend) {
        return new LlmCoach(deterministic, new CoachTools(deterministic, memory), backend, conversation, usage, clock,
                d -> sleeps.add(d), executor);
    }

    /** The coach with the weather tool: {@code weather} answers weather questions as the weather coach does. */
    LlmCoach coachWithWeather(LlmSettings settings, ai.pace42.coach.weather.WeatherAnswers weather) {
        return new LlmCoach(deterministic, new CoachTools(deterministic, memory, Optional.of(weather)),
                ModelBackend.create(settings, clock), conversation, usage, clock, d -> sleeps.add(d), executor);
    }

    static CoachQuestion question(String account, String text) {
        return new CoachQuestion(account, text, UnitSystem.METRIC, ZONE, NOW, "req-" + Math.abs(text.hashCode()));
    }

    /** The deterministic coach's own answer, for comparing fallbacks. */
    CoachAnswer standard(String account, String text) {
        return deterministic.answer(question(account, text));
    }

    /** The sample athlete, with its newest run renamed (a name typed by someone else, shown to the model). */
    void renameNewestRun(String account, String name) {
        ActivitySource sample = sources.get(account);
        sources.put(account, new ActivitySource() {
            private String newestId() {
                return sample.list(NOW.minus(Duration.ofDays(30)), NOW.plusSeconds(1)).get(0).id();
            }

            @Override
            public String label() {
                return sample.label();
            }

            @Override
            public ai.pace42.coach.model.AthleteProfile profile() {
                return sample.profile();
            }

            @Override
            public List<ActivityHeader> list(Instant from, Instant to) {
                String id = newestId();
                return sample.list(from, to).stream().map(h -> h.id().equals(id) ? new ActivityHeader(h.id(), name,
                        h.sport(), h.start(), h.durationS(), h.distanceM()) : h).toList();
            }

            @Override
            public Optional<Activity> load(String activityId) {
                return sample.load(activityId).map(this::renamed);
            }

            @Override
            public Optional<Activity> summary(String activityId) {
                return sample.summary(activityId).map(this::renamed);
            }

            private Activity renamed(Activity a) {
                return !a.id().equals(newestId()) ? a : new Activity(a.id(), a.source(), name, a.sport(), a.start(),
                        a.elapsedS(), a.movingS(), a.distanceM(), a.summary(), a.samples(), a.laps(), a.tags());
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
