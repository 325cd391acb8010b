package ai.pace42.llm;

import ai.pace42.bot.memory.ConversationMemory;
import ai.pace42.coach.ChartImage;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.CoachService;
import ai.pace42.coach.UnitSystem;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * The coach with a language model for what the deterministic coach cannot place. Understanding first: a question
 * the wrapped coach {@linkplain CoachService#understands understands} (known intents, medical red flags, help) gets
 * its answer unchanged, fast and free. Anything else goes to the model, which may call the analysis as tools
 * ({@link CoachTools}) for at most {@value #MAX_TOOL_ROUNDS} rounds; its reply is sent only when every number in it
 * is grounded ({@link Grounding}), after at most one re-prompt naming the bad numbers. Every failure (time-out,
 * HTTP error, budget, ungrounded reply) ends in the wrapped coach's answer with a note carrying a code and the
 * request id. Conversation memory gives follow-ups ("and the one before?") their context.
 */
public final class LlmCoach implements CoachService {

    static final int MAX_TOOL_ROUNDS = 4;
    static final int MAX_TOOL_CALLS = 8;
    static final int MAX_IDENTICAL_CALLS = 2;
    static final int MAX_REPLY_CHARS = 3_000;
    private static final Logger LOG = Logger.getLogger(LlmCoach.class.getName());

    private final CoachService fallback;
    private final CoachTools tools;
    private final ModelBackend backend;
    private final RetryingModel model;
    private final ConversationMemory conversation;
    private final UsageLedger usage;
    private final Clock clock;
    private final ExecutorService executor;

    /** @param tools what the model may call: the analysis of the runner's data (and the weather, when on) */
    LlmCoach(CoachService fallback, CoachTools tools, ModelBackend backend, ConversationMemory conversation,
             UsageLedger usage, Clock clock, RetryingModel.Sleeper sleeper, ExecutorService executor) {
        this.fallback = fallback;
        this.tools = tools;
        this.backend = backend;
        this.model = new RetryingModel(backend.model(), backend.settings().maxAttempts(), clock, sleeper);
        this.conversation = conversation;
        this.usage = usage;
        this.clock = clock;
        this.executor = executor;
    }

    private LlmSettings settings() {
        return backend.settings();
    }

    @Override
    public boolean understands(CoachQuestion question) {
        return true;
    }

    @Override
    public boolean warmUp(String accountId, UnitSystem units, ZoneId zone, Instant now) {
        return fallback.warmUp(accountId, units, zone, now);
    }

    @Override
    public void forget(String accountId) {
        fallback.forget(accountId);
    }

    @Override
    public List<String> exampleQuestions() {
        return List.of("Analyze my last run", "Was Sunday's long run too fast?", "I only have 30 minutes today, what should I do?");
    }

    @Override
    public CoachAnswer answer(CoachQuestion q) {
        if (fallback.understands(q)) {
            return remembered(q, fallback.answer(q));
        }
        long monthly = settings().monthlyTokens();
        UsageLedger.Month spent = usage.thisMonth(q.accountId());
        if (monthly > 0 && spent.total() >= monthly) {
            YearMonth next = YearMonth.now(clock.withZone(ZoneOffset.UTC)).plusMonths(1);
            return fellBack(q, Failure.BUDGET_SPENT, "your free-form questions for this month are used up ("
                    + spent.total() + " of " + monthly + " tokens); they are back on 1 "
                    + next.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                    + ". Everything below still works.");
        }
        Turn turn = new Turn(q, clock.instant().plus(settings().timeout()));
        Future<Outcome> running = executor.submit(() -> converse(turn));
        Outcome outcome;
        try {
            outcome = running.get(settings().timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            outcome = Outcome.failed(Failure.TIMEOUT, List.of());
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "the LLM coach failed unexpectedly", e.getCause());
            outcome = Outcome.failed(Failure.UNAVAILABLE, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancel(true);
            outcome = Outcome.failed(Failure.TIMEOUT, List.of());
        } finally {
            recordUsage(turn);
        }
        if (outcome.text() != null) {
            return remembered(q, new CoachAnswer(outcome.text(), turn.charts));
        }
        LOG.log(Level.WARNING, "LLM answer replaced by the standard answer: {0}{1}", new Object[] {outcome.failure(),
                outcome.badNumbers().isEmpty() ? "" : " (ungrounded: " + outcome.badNumbers() + ")"});
        return fellBack(q, outcome.failure(), outcome.failure().reason);
    }

    /** The model's conversation for one question; runs on the executor so the deadline can cut it off. */
    private Outcome converse(Turn turn) throws InterruptedException {
        CoachQuestion q = turn.question;
        List<Message> messages = new ArrayList<>();
        messages.add(new SystemMessage(SystemPrompt.text(q)));
        for (ConversationMemory.Turn past : conversation.recent(q.accountId())) {
            messages.add(past.role() == ConversationMemory.Role.USER ? new UserMessage(past.content())
                    : new AssistantMessage(past.content()));
        }
        String asked = Sanitise.text(q.text(), ConversationMemory.MAX_CHARS);
        messages.add(new UserMessage(asked));
        Grounding grounding = new Grounding().allow(asked).allow(SystemPrompt.context(q));
        // Tools answer without the request id: nothing the model sees identifies the runner or the request.
        CoachTools.Scope scope = new CoachTools.Scope(new CoachQuestion(q.accountId(), q.text(), q.units(), q.zone(),
                q.askedAt(), ""));
        int toolRounds = 0;
        boolean reprompted = false;
        while (true) {
            int left = settings().answerTokens() - (int) turn.tokensOut.get();
            if (left <= 0) {
                return Outcome.failed(Failure.ANSWER_BUDGET, List.of());
            }
            Prompt prompt = new Prompt(List.copyOf(messages),
                    backend.options(tools.offered(), Math.min(settings().callTokens(), left)));
            ChatResponse response;
            try {
                response = model.call(prompt, turn.deadline);
            } catch (ModelFailure f) {
                return Outcome.failed(Failure.of(f), List.of());
            }
            AssistantMessage out = count(turn, response);
            if (out == null) {
                return Outcome.failed(Failure.EMPTY, List.of());
            }
            if (out.hasToolCalls()) {
                if (++toolRounds > MAX_TOOL_ROUNDS) {
                    return Outcome.failed(Failure.TOOL_LIMIT, List.of());
                }
                messages.add(out);
                messages.add(runTools(turn, out.getToolCalls(), scope, grounding));
                continue;
            }
            String text = out.getText() == null ? "" : out.getText().strip();
            if (text.isEmpty()) {
                return Outcome.failed(Failure.EMPTY, List.of());
            }
            List<String> bad = grounding.ungrounded(text);
            if (bad.isEmpty()) {
                return Outcome.answered(Sanitise.text(text, MAX_REPLY_CHARS));
            }
            turn.groundingFailures++;
            if (reprompted) {
                return Outcome.failed(Failure.UNGROUNDED, bad);
            }
            reprompted = true;
            messages.add(out);
            messages.add(new UserMessage(SystemPrompt.reprompt(bad)));
        }
    }

    private ToolResponseMessage runTools(Turn turn, List<AssistantMessage.ToolCall> calls, CoachTools.Scope scope,
                                         Grounding grounding) {
        List<ToolResponseMessage.ToolResponse> responses = new ArrayList<>();
        for (AssistantMessage.ToolCall call : calls) {
            String name = call.name() == null ? "" : call.name();
            String key = name + " " + (call.arguments() == null ? "" : call.arguments().replaceAll("\\s+", ""));
            int same = turn.identical.merge(key, 1, Integer::sum);
            String json;
            if (++turn.toolCalls > MAX_TOOL_CALLS) {
                json = "{\"error\":\"tool_limit\",\"message\":\"No more tool calls in this answer; answer with what "
                        + "you have.\"}";
            } else if (same > MAX_IDENTICAL_CALLS) {
                json = "{\"error\":\"repeated_call\",\"message\":\"You already have this result; do not call it "
                        + "again.\"}";
            } else {
                CoachTools.Result result = tools.run(name, call.arguments(), scope);
                json = result.json();
                turn.toolsUsed.add(name);
                result.answer().ifPresent(a -> {
                    grounding.allow(result.groundingText());
                    if (!a.charts().isEmpty()) {
                        turn.charts = a.charts();
                    }
                });
            }
            responses.add(new ToolResponseMessage.ToolResponse(call.id() == null ? "" : call.id(), name, json));
        }
        return ToolResponseMessage.builder().responses(responses).build();
    }

    /** Adds the call's tokens to the turn (estimated from the text when the server reports none). */
    private static AssistantMessage count(Turn turn, ChatResponse response) {
        turn.modelCalls++;
        AssistantMessage out = response == null || response.getResult() == null ? null
                : response.getResult().getOutput();
        Usage u = response == null || response.getMetadata() == null ? null : response.getMetadata().getUsage();
        long in = u == null || u.getPromptTokens() == null ? 0 : u.getPromptTokens();
        long outTokens = u == null || u.getCompletionTokens() == null ? 0 : u.getCompletionTokens();
        if (outTokens == 0 && out != null) {
            outTokens = Math.max(1, ((out.getText() == null ? 0 : out.getText().length())
                    + out.getToolCalls().stream().mapToInt(c -> String.valueOf(c.arguments()).length()).sum()) / 4);
        }
        turn.tokensIn.addAndGet(in);
        turn.tokensOut.addAndGet(outTokens);
        return out;
    }

    private void recordUsage(Turn turn) {
        try {
            if (turn.modelCalls > 0 || turn.tokensIn.get() > 0) {
                usage.record(turn.question.accountId(), turn.tokensIn.get(), turn.tokensOut.get());
            }
            lastTurn = new TurnFacts(turn.modelCalls, turn.tokensIn.get(), turn.tokensOut.get(),
                    turn.groundingFailures, List.copyOf(turn.toolsUsed));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record LLM usage", e);
        }
    }

    private CoachAnswer fellBack(CoachQuestion q, Failure failure, String reason) {
        CoachAnswer standard = fallback.answer(q);
        String ref = q.requestId().isBlank() ? "" : ", ref " + q.requestId();
        CoachAnswer answer = standard.withText("**Note:** " + reason + " (" + failure.code + ref + ").\n\n"
                + standard.text());
        return remembered(q, answer);
    }

    private CoachAnswer remembered(CoachQuestion q, CoachAnswer answer) {
        try {
            conversation.remember(q.accountId(), q.text(), answer.text());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not store the conversation turn", e);
        }
        return answer;
    }

    /** What the last answer cost, for the evaluation and its report (not for decisions). */
    record TurnFacts(int modelCalls, long tokensIn, long tokensOut, int groundingFailures, List<String> tools) {
    }

    private volatile TurnFacts lastTurn;

    TurnFacts lastTurn() {
        return lastTurn;
    }

    /** Why a model answer was not sent; the code is what the runner and support see. */
    enum Failure {
        TIMEOUT("LLM_TIMEOUT", "the AI coach took too long, so this is my standard answer"),
        UNAVAILABLE("LLM_UNAVAILABLE", "the AI coach is unavailable just now, so this is my standard answer"),
        RATE_LIMITED("LLM_RATE_LIMITED", "the AI coach is busy just now, so this is my standard answer"),
        QUOTA("LLM_QUOTA", "the AI coach's service has no credit left, so this is my standard answer"),
        MODEL_NOT_FOUND("LLM_MODEL_NOT_FOUND", "the AI coach's model is not installed, so this is my standard answer"),
        AUTH("LLM_AUTH", "the AI coach's service refused pace42's key, so this is my standard answer"),
        REJECTED("LLM_REJECTED", "the AI coach's reply could not be used, so this is my standard answer"),
        EMPTY("LLM_EMPTY", "the AI coach gave no answer, so this is my standard answer"),
        TOOL_LIMIT("LLM_TOOL_LIMIT", "the AI coach needed too many steps, so this is my standard answer"),
        ANSWER_BUDGET("LLM_ANSWER_BUDGET", "the AI coach's answer grew too long, so this is my standard answer"),
        UNGROUNDED("LLM_UNGROUNDED", "the AI coach's answer quoted numbers I could not check against your runs, so "
                + "this is my standard answer"),
        BUDGET_SPENT("LLM_BUDGET_SPENT", "");

        final String code;
        final String reason;

        Failure(String code, String reason) {
            this.code = code;
            this.reason = reason;
        }

        String code() {
            return code;
        }

        static Failure of(ModelFailure f) {
            return switch (f.kind()) {
                case RATE_LIMITED -> RATE_LIMITED;
                case QUOTA -> QUOTA;
                case SERVER, NETWORK -> UNAVAILABLE;
                case MODEL_NOT_FOUND -> MODEL_NOT_FOUND;
                case AUTH -> AUTH;
                case REJECTED -> REJECTED;
            };
        }
    }

    private record Outcome(String text, Failure failure, List<String> badNumbers) {
        static Outcome answered(String text) {
            return new Outcome(text, null, List.of());
        }

        static Outcome failed(Failure failure, List<String> bad) {
            return new Outcome(null, failure, bad);
        }
    }

    /** One question's state; tokens are atomic because a timed-out turn may still be counting. */
    private static final class Turn {
        final CoachQuestion question;
        final Instant deadline;
        final AtomicLong tokensIn = new AtomicLong();
        final AtomicLong tokensOut = new AtomicLong();
        final Map<String, Integer> identical = new HashMap<>();
        final List<String> toolsUsed = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile List<ChartImage> charts = List.of();
        volatile int modelCalls;
        volatile int toolCalls;
        volatile int groundingFailures;

        Turn(CoachQuestion question, Instant deadline) {
            this.question = question;
            this.deadline = deadline;
        }
    }
}
