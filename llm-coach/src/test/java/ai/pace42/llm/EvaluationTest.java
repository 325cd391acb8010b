package ai.pace42.llm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.memory.CoachMemory;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.llm.ScriptedModel.Behaviour;
import ai.pace42.llm.ScriptedModel.Script;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Free-form questions the recogniser cannot place, each through a scripted model: the tool it calls must give the
 * same report the deterministic coach gives for an equivalent known phrasing (so the tool maps to the right intent),
 * a reply repeating that report's numbers is sent as is, invented numbers are re-prompted once and then replaced by
 * the standard answer, unknown tools and broken arguments are survived, and an endless tool loop is cut off.
 * The figures (tokens per answer, grounding failures, time spent outside the model) are written to
 * {@code target/llm-evaluation.txt}; nothing is asserted about them.
 */
class EvaluationTest {

    /** @param equivalent a phrasing the recogniser places on the tool's intent; null when none applies */
    private record Case(String question, String tool, String arguments, Behaviour behaviour, String equivalent) {
    }

    private static final List<Case> CASES = new ArrayList<>();

    private static void add(String q, String tool, String args, Behaviour b, String equivalent) {
        CASES.add(new Case(q, tool, args, b, equivalent));
    }

    static {
        Behaviour g = Behaviour.GROUNDED;
        String last = "analyze my last run";
        add("Was yesterday's effort too hard for me?", "get_last_run", "{}", g, last);
        add("Did I go out too fast this morning?", "get_last_run", "{}", g, last);
        add("Was my heart rate too high on that long one?", "get_last_run", "{}", g, last);
        add("Be honest, was that a good session?", "get_last_run", "{}", g, last);
        add("What stood out in my most recent outing?", "get_last_run", "{}", g, last);
        add("Should I be happy with the last one?", "get_last_run", "{}", g, last);
        add("Did my pacing hold up at the end?", "get_last_run", "{}", g, last);
        add("Tell me what went well and what did not in that one.", "get_last_run", "{}", g, last);

        add("Was the weekend long one too quick for what I am training for?", "find_run", "{\"kind\":\"long\"}", g, "analyze my last long run");
        add("Did I nail the threshold effort?", "find_run", "{\"kind\":\"tempo\"}", g, "analyze my last tempo run");
        add("Were my reps on the track consistent?", "find_run", "{\"kind\":\"intervals\"}", g, "analyze my last interval session");
        add("Was my recovery jog actually relaxed enough?", "find_run", "{\"kind\":\"easy\"}", g, "analyze my last easy run");
        add("What happened on Saturday the 28th?", "find_run", "{\"date\":\"2026-11-28\"}", g, "analyze my run on 28 November");
        add("Was Monday's outing as gentle as it should have been?", "find_run", "{\"date\":\"2026-11-30\"}", g, "analyze my run on 30 November");
        add("Anything to say about Sunday the 29th?", "find_run", "{\"date\":\"2026-11-29\"}", g, "analyze my run on 29 November");
        add("Was that double-digit effort a good one?", "find_run", "{\"distance_km\":10}", g, "analyze my 10 km run");
        add("Looking back at my competition, what do you think?", "find_run", "{\"kind\":\"race\"}", g, "analyze my last race");
        add("The long one before the last, was it any better?", "find_run", "{\"kind\":\"long\",\"date\":\"2026-11-22\"}", g, "analyze my long run on 22 November");

        add("Put my latest few outings side by side.", "get_recent_runs", "{\"count\":3}", g, "compare my last 3 runs");
        add("Line up my last five outings for me.", "get_recent_runs", "{\"count\":5}", g, "compare my last 5 runs");
        add("And the one before that?", "get_recent_runs", "{\"count\":2}", g, "compare my last 2 runs");
        add("Any pattern across my last four outings?", "get_recent_runs", "{\"count\":\"4\"}", g, "compare my last 4 runs");
        add("Have my sessions been too samey?", "get_recent_runs", "{\"count\":3}", g, "compare my last 3 runs");
        add("Show the last ten outings in one view.", "get_recent_runs", "{\"count\":10}", g, "compare my last 10 runs");

        String trend = "how is my fitness trending?";
        add("Why is my heart rate higher these days?", "get_load_and_form", "{}", g, trend);
        add("Am I overdoing it?", "get_load_and_form", "{}", g, trend);
        add("Do I need a rest day?", "get_load_and_form", "{}", g, trend);
        add("Am I piling on too much too soon?", "get_load_and_form", "{}", g, trend);
        add("Am I tired or just lazy?", "get_load_and_form", "{}", g, trend);
        add("Should I back off a bit?", "get_load_and_form", "{}", g, trend);
        add("Is it safe to add more?", "get_load_and_form", "{}", g, trend);
        add("How risky is my current ramp?", "get_load_and_form", "{}", g, trend);

        String paces = "what are my training paces?";
        add("How hard should my hard days feel in heartbeats?", "get_zones_and_paces", "{}", g, paces);
        add("What heart rate keeps me aerobic?", "get_zones_and_paces", "{}", g, paces);
        add("What effort should I aim for on my steady days?", "get_zones_and_paces", "{}", g, paces);
        add("How slow is slow enough for me?", "get_zones_and_paces", "{}", g, paces);
        add("Where is my threshold?", "get_zones_and_paces", "{}", g, paces);
        add("What numbers should my watch show on a gentle day?", "get_zones_and_paces", "{}", g, paces);

        add("What could I manage in my goal event?", "predict_race", "{\"distance_km\":21.0975}", g, "predict my half marathon");
        add("What could I do at a parkrun?", "predict_race", "{\"distance_km\":5}", g, "predict my 5k");
        add("What am I capable of right now?", "predict_race", "{}", g, "predict my race time");
        add("Am I in shape for a PB at the local road event?", "predict_race", "{\"distance_km\":10}", g, "predict my 10k");
        add("What's realistic for the big one in spring?", "predict_race", "{\"distance_km\":42.195}", g, "predict my marathon");
        add("Could I beat my brother at the park event?", "predict_race", "{\"distance_km\":\"5\"}", g, "predict my 5k");

        String today = "what should I run today";
        String next = "what should I run tomorrow?";
        add("I only have 30 minutes, how should I use them?", "recommend_next_run", "{\"tomorrow\":false}", g, today);
        add("Is today a good day for something hard?", "recommend_next_run", "{\"tomorrow\":false}", g, today);
        add("I'm free at lunch, worth getting out?", "recommend_next_run", "{\"tomorrow\":false}", g, today);
        add("Easy or hard later?", "recommend_next_run", "{\"tomorrow\":false}", g, today);
        add("And the day after today?", "recommend_next_run", "{\"tomorrow\":true}", g, next);
        add("Can I go long on the next day?", "recommend_next_run", "{\"tomorrow\":true}", g, next);
        add("What should the next outing be?", "recommend_next_run", "{\"tomorrow\":true}", g, next);
        add("Thursday morning, what's wise?", "recommend_next_run", "{\"tomorrow\":true}", g, next);
        add("Should I double up this evening?", "recommend_next_run", "{\"tomorrow\":false}", g, today);

        add("How am I doing since Monday?", "get_week_summary", "{\"last_week\":false}", g, "weekly summary");
        add("Was the previous seven days a big block?", "get_week_summary", "{\"last_week\":true}", g, "how much did I run last week");
        add("Did I do enough in the seven days before this?", "get_week_summary", "{\"last_week\":true}", g, "how much did I run last week");

        add("What do you know about my goal?", "get_runner_notes", "{}", g, null);
        add("Remind me what you know about me.", "get_runner_notes", "{}", g, null);

        Behaviour fixed = Behaviour.INVENTED_THEN_FIXED;
        add("Give me the gist of that one.", "get_last_run", "{}", fixed, last);
        add("Am I sharper than a month ago?", "get_load_and_form", "{}", fixed, trend);
        add("How gentle should gentle be?", "get_zones_and_paces", "{}", fixed, paces);
        add("What would a parkrun look like for me now?", "predict_race", "{\"distance_km\":5}", fixed, "predict my 5k");

        Behaviour invented = Behaviour.INVENTED;
        add("Summarise that outing in one line.", "get_last_run", "{}", invented, last);
        add("Am I sharper than in the summer?", "get_load_and_form", "{}", invented, trend);
        add("How easy is easy for me?", "get_zones_and_paces", "{}", invented, paces);
        add("What could I run at the park event next month?", "predict_race", "{\"distance_km\":5}", invented, "predict my 5k");

        add("Could you check my plan for the weekend?", "get_recent_runs", "{\"count\":3}", Behaviour.UNKNOWN_TOOL_FIRST, "compare my last 3 runs");
        add("What's on the schedule for me?", "get_load_and_form", "{}", Behaviour.UNKNOWN_TOOL_FIRST, trend);
        add("Line up what I did lately.", "get_recent_runs", "{\"count\":3}", Behaviour.MALFORMED_FIRST, "compare my last 3 runs");
        add("Give me an overview of my outings.", "get_recent_runs", "{\"count\":3}", Behaviour.MALFORMED_FIRST, "compare my last 3 runs");
        add("Dig into everything, all of it, as deep as you can.", "get_recent_runs", "{}", Behaviour.LOOPS, null);

        add("Tell me a joke about cyclists.", "", "", Behaviour.NO_TOOL, null);
        add("What's the capital of France?", "", "", Behaviour.NO_TOOL, null);
        add("Write me a poem about rain.", "", "", Behaviour.NO_TOOL, null);
    }

    @TempDir
    Path dir;

    @Test
    void everyFreeFormQuestionUsesTheRightToolIsGroundedOrFallsBackWithItsCode() throws Exception {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(60);
        Map<String, Script> scripts = new LinkedHashMap<>();
        CASES.forEach(c -> scripts.put(c.question(), new Script(c.tool(), c.arguments(), c.behaviour())));
        assertThat(scripts).as("questions are unique").hasSize(CASES.size());
        ScriptedModel model = new ScriptedModel(scripts);
        List<Long> outsideModelMicros = new ArrayList<>();
        List<Long> tokens = new ArrayList<>();
        int firstRepliesUngrounded = 0;
        int fellBack = 0;
        try (LlmFixture fx = new LlmFixture(dir, "acc_eval")) {
            fx.memory.set("acc_eval", CoachMemory.Field.GOAL, "Berlin half in April");
            fx.memory.set("acc_eval", CoachMemory.Field.DAYS, "Tue, Thu, Sat, Sunday long");
            LlmCoach coach = fx.coach(model, LlmFixture.settings(LlmSettings.Provider.OPENAI, "http://unused",
                    LlmFixture.TIMEOUT));
            coach.answer(LlmFixture.question("acc_eval", "Tell me a joke about cyclists.")); // warms the analysis cache
            assertThat(CASES.stream().filter(c -> fx.deterministic.understands(LlmFixture.question("acc_eval",
                    c.question()))).map(Case::question)).as("questions the recogniser places").isEmpty();
            for (Case c : CASES) {
                var q = LlmFixture.question("acc_eval", c.question());
                long insideBefore = model.nanosInside.get();
                long start = System.nanoTime();
                CoachAnswer answer = coach.answer(q);
                long elapsed = System.nanoTime() - start;
                outsideModelMicros.add((elapsed - (model.nanosInside.get() - insideBefore)) / 1_000);
                LlmCoach.TurnFacts facts = coach.lastTurn();
                tokens.add(facts.tokensIn() + facts.tokensOut());
                firstRepliesUngrounded += facts.groundingFailures() > 0 ? 1 : 0;
                String expectedReport = c.equivalent() == null ? "" : fx.standard("acc_eval", c.equivalent()).text();
                String standard = fx.standard("acc_eval", c.question()).text();
                switch (c.behaviour()) {
                    case GROUNDED, INVENTED_THEN_FIXED -> {
                        assertThat(facts.tools()).as(c.question()).containsExactly(c.tool());
                        assertThat(answer.text()).as(c.question()).isEqualTo(ScriptedModel.grounded(expectedReport));
                        assertThat(facts.groundingFailures()).as(c.question())
                                .isEqualTo(c.behaviour() == Behaviour.GROUNDED ? 0 : 1);
                    }
                    case UNKNOWN_TOOL_FIRST -> {
                        assertThat(facts.tools()).as(c.question()).containsExactly("get_training_plan_v2", c.tool());
                        assertThat(answer.text()).as(c.question()).isEqualTo(ScriptedModel.grounded(expectedReport));
                    }
                    case MALFORMED_FIRST -> {
                        assertThat(facts.tools()).as(c.question()).containsExactly(c.tool(), c.tool());
                        assertThat(answer.text()).as(c.question()).isEqualTo(ScriptedModel.grounded(expectedReport));
                    }
                    case INVENTED -> {
                        fellBack++;
                        assertThat(facts.tools()).containsExactly(c.tool());
                        assertThat(answer.text()).as(c.question()).contains("(LLM_UNGROUNDED, ref req-")
                                .doesNotContain("88.8").endsWith(standard);
                    }
                    case LOOPS -> {
                        fellBack++;
                        assertThat(facts.tools()).hasSize(LlmCoach.MAX_TOOL_ROUNDS);
                        assertThat(answer.text()).contains("(LLM_TOOL_LIMIT, ref req-").endsWith(standard);
                    }
                    case NO_TOOL -> {
                        assertThat(facts.tools()).isEmpty();
                        assertThat(answer.text()).startsWith("I coach running");
                    }
                }
                if (c.equivalent() != null && c.behaviour() != Behaviour.INVENTED) {
                    assertThat(expectedReport).as("the number the reply repeats is in the analysis")
                            .contains(answer.text().replaceAll(".*matters is (.*); keep.*", "$1"));
                }
                assertThat(facts.tokensOut()).isLessThanOrEqualTo(LlmSettings.MAX_ANSWER_TOKENS);
            }
            writeFigures(outsideModelMicros, tokens, firstRepliesUngrounded, fellBack);
        }
    }

    private static void writeFigures(List<Long> micros, List<Long> tokens, int ungrounded, int fellBack)
            throws Exception {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        List<Long> tok = new ArrayList<>(tokens);
        Collections.sort(tok);
        String figures = String.format(Locale.ROOT, "questions %d%n"
                        + "time outside the model per answer (tools, analysis from cache, grounding, database): "
                        + "median %.2f ms, p90 %.2f ms, max %.2f ms%n"
                        + "tokens per answer (prompt + completion, chars/4 estimate): median %d, mean %.0f, max %d%n"
                        + "first replies failing grounding: %d of %d (%.1f%%); answers replaced by the standard answer: %d%n",
                micros.size(), sorted.get(sorted.size() / 2) / 1000.0, sorted.get(sorted.size() * 9 / 10) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0, tok.get(tok.size() / 2),
                tok.stream().mapToLong(Long::longValue).average().orElse(0), tok.get(tok.size() - 1), ungrounded,
                micros.size(), 100.0 * ungrounded / micros.size(), fellBack);
        Files.writeString(Path.of("target", "llm-evaluation.txt"), figures);
        System.out.print(figures);
    }
}
