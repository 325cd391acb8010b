package ai.pace42.llm;

import ai.pace42.concurrent.DaemonThreads;
import ai.pace42.bot.BotCore;
import ai.pace42.bot.account.Account;
import ai.pace42.bot.conversation.StatusContributor;
import ai.pace42.bot.memory.CoachMemory;
import ai.pace42.bot.memory.ConversationMemory;
import ai.pace42.coach.CoachService;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.model.ActivitySourceResolver;
import ai.pace42.coach.weather.WeatherAnswers;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/**
 * Builds the coach the server runs: the deterministic coach alone when the LLM coach is off (exactly as before),
 * otherwise {@link LlmCoach} around it. Also the /status line saying which coach answers.
 */
public final class LlmCoaches {

    private final LlmSettings settings;
    private final Jdbi jdbi;
    private final Clock clock;
    private final UsageLedger usage;
    private final ExecutorService executor;

    public LlmCoaches(LlmSettings settings, Jdbi jdbi, Clock clock) {
        this.settings = settings;
        this.jdbi = jdbi;
        this.clock = clock;
        this.usage = new UsageLedger(jdbi, clock);
        // One thread per answer in flight (the conversation workers bound how many); a timed-out one is interrupted.
        this.executor = Executors.newCachedThreadPool(DaemonThreads.named("llm-coach"));
    }

    /** For {@link BotCore#create}: the coach on the core's per-account data sources. */
    public Function<ActivitySourceResolver, CoachService> factory() {
        return factory(UnaryOperator.identity());
    }

    /**
     * @param decorate wraps the deterministic coach before the LLM coach wraps the result (e.g. a weather-aware
     *                 coach); the model's tools still read the plain analysis
     */
    public Function<ActivitySourceResolver, CoachService> factory(UnaryOperator<CoachService> decorate) {
        return sources -> {
            DeterministicCoach analysis = new DeterministicCoach(sources);
            return withModel(decorate.apply(analysis), analysis);
        };
    }

    /**
     * @param standard builds the coach that answers without a model (e.g. the weather coach around the
     *                 deterministic one); the model's tools read a plain deterministic analysis of the same sources
     */
    public Function<ActivitySourceResolver, CoachService> factory(
            Function<ActivitySourceResolver, CoachService> standard) {
        return sources -> {
            CoachService answers = standard.apply(sources);
            return settings.enabled() ? withModel(answers, new DeterministicCoach(sources)) : answers;
        };
    }

    private CoachService withModel(CoachService standard, DeterministicCoach analysis) {
        if (!settings.enabled()) {
            return standard;
        }
        // The weather coach's answers become a tool when the standard coach is the weather coach.
        Optional<WeatherAnswers> weather = standard instanceof WeatherAnswers w ? Optional.of(w) : Optional.empty();
        return new LlmCoach(standard, new CoachTools(analysis, new CoachMemory(jdbi, clock), weather),
                ModelBackend.create(settings, clock), new ConversationMemory(jdbi, clock, BotCore.CONVERSATION_WINDOW),
                usage, clock, d -> Thread.sleep(d.toMillis()), executor);
    }

    /** The /status line: which coach answers, and this month's model use when the LLM coach is on. */
    public StatusContributor status() {
        return (Account account) -> {
            if (!settings.enabled()) {
                return List.of("- **Coach:** pace42's standard answers (the AI coach is off on this server)");
            }
            UsageLedger.Month month = usage.thisMonth(account.id());
            String budget = settings.monthlyTokens() > 0 ? " of " + settings.monthlyTokens() : "";
            return List.of("- **Coach:** the AI coach (" + settings.provider().name().toLowerCase(java.util.Locale.ROOT)
                    + ", " + settings.model() + ") for free-form questions, pace42's standard answers for the rest; "
                    + "this month " + month.total() + budget + " tokens");
        };
    }

    /** Stops waiting answers' threads at shutdown. */
    public void close() {
        executor.shutdownNow();
    }
}
