package ai.pace42.llm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.DeterministicCoach;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/** Token budgets per answer and per month, conversation memory for follow-ups, and the off switch. */
class BudgetsAndMemoryTest {

    private static final String FREE = "Am I doing enough easy running at the moment?";

    @TempDir
    Path dir;

    /** Records every prompt and answers like the scripted model. */
    private static final class Recording implements ChatModel {
        final List<List<Message>> prompts = new ArrayList<>();
        private final ScriptedModel script;

        Recording(Map<String, ScriptedModel.Script> scripts) {
            script = new ScriptedModel(scripts);
        }

        @Override
        public ChatResponse call(Prompt prompt) {
            prompts.add(prompt.getInstructions());
            return script.call(prompt);
        }
    }

    private static LlmSettings settings(int answerTokens, long monthlyTokens) {
        return new LlmSettings(LlmSettings.Provider.OPENAI, "http://unused", "", "test-model", LlmFixture.TIMEOUT,
                answerTokens, 600, monthlyTokens, 3);
    }

    @Test
    void anAnswerThatOutgrowsItsTokenBudgetIsReplaced() {
        try (LlmFixture fx = new LlmFixture(dir, "acc_ana")) {
            Recording model = new Recording(Map.of(FREE, new ScriptedModel.Script("get_recent_runs", "{}",
                    ScriptedModel.Behaviour.LOOPS)));
            CoachAnswer answer = fx.coach(model, settings(12, 0)).answer(LlmFixture.question("acc_ana", FREE));

            assertThat(answer.text()).contains("(LLM_ANSWER_BUDGET, ref req-").endsWith(fx.standard("acc_ana", FREE).text());
            assertThat(model.prompts).as("the scripted call costs 11 completion tokens: the second one passes 12")
                    .hasSize(2);
            assertThat(fx.usage.thisMonth("acc_ana").answers()).isEqualTo(1);
        }
    }

    @Test
    void aSpentMonthlyBudgetAnswersWithItsCodeWithoutCallingTheModel() {
        try (LlmFixture fx = new LlmFixture(dir, "acc_ana")) {
            fx.usage.record("acc_ana", 900, 101);
            Recording model = new Recording(Map.of());
            CoachAnswer answer = fx.coach(model, settings(2000, 1000)).answer(LlmFixture.question("acc_ana", FREE));

            assertThat(model.prompts).isEmpty();
            assertThat(answer.text()).startsWith("**Note:** your free-form questions for this month are used up "
                    + "(1001 of 1000 tokens); they are back on 1 January.").contains("(LLM_BUDGET_SPENT, ref req-")
                    .endsWith(fx.standard("acc_ana", FREE).text());
        }
    }

    @Test
    void aFollowUpSeesTheEarlierTurnsOfItsOwnConversationUntilForgotten() {
        try (LlmFixture fx = new LlmFixture(dir, "acc_ana")) {
            String followUp = "And why is that?";
            Recording model = new Recording(Map.of(
                    FREE, new ScriptedModel.Script("", "", ScriptedModel.Behaviour.NO_TOOL),
                    followUp, new ScriptedModel.Script("", "", ScriptedModel.Behaviour.NO_TOOL)));
            LlmCoach coach = fx.coach(model, settings(2000, 0));
            // The full breakdown (not the concise reply) is long enough to be cut when remembered.
            coach.answer(LlmFixture.question("acc_ana", "Analyze my last run in detail"));
            coach.answer(LlmFixture.question("acc_ana", FREE));
            coach.answer(LlmFixture.question("acc_ana", followUp));

            List<String> seen = model.prompts.get(1).stream().map(Message::getText).toList();
            assertThat(seen).as("system, then the two earlier exchanges, then the follow-up").hasSize(6);
            assertThat(seen.get(1)).isEqualTo("Analyze my last run in detail");
            String report = fx.standard("acc_ana", "Analyze my last run in detail").text();
            assertThat(report.length()).isGreaterThan(1_500);
            assertThat(seen.get(2)).as("a long answer is remembered cut to 1,500 characters")
                    .hasSize(1_501).startsWith(report.substring(0, 1_500)).endsWith("…");
            assertThat(seen.subList(3, 6)).containsExactly(FREE,
                    "I coach running: ask me about your runs, your fitness or what to run next.", followUp);

            fx.conversation.forget("acc_ana");
            coach.answer(LlmFixture.question("acc_ana", followUp));
            assertThat(model.prompts.get(2)).extracting(Message::getText).hasSize(2).last().isEqualTo(followUp);
        }
    }

    @Test
    void offMeansTheDeterministicCoachAloneAndStatusSaysWhichCoachAnswers() {
        Jdbi jdbi = ai.pace42.bot.testing.TestDatabases.sqlite(dir);
        ai.pace42.bot.testing.TestDatabases.insertAccounts(jdbi, "acc_ana");
        ai.pace42.bot.account.Account ana = new ai.pace42.bot.account.AccountService(jdbi, java.time.Clock.systemUTC())
                .findById("acc_ana").orElseThrow();

        LlmCoaches off = new LlmCoaches(LlmSettings.off(), jdbi, java.time.Clock.systemUTC());
        LlmCoaches on = new LlmCoaches(new LlmSettings(LlmSettings.Provider.OLLAMA, "", "", "llama3.2",
                Duration.ofSeconds(20), 2000, 600, 300_000, 3), jdbi, java.time.Clock.systemUTC());

        assertThat(off.factory().apply(id -> java.util.Optional.empty())).isInstanceOf(DeterministicCoach.class);
        assertThat(off.status().statusLines(ana)).containsExactly(
                "- **Coach:** pace42's standard answers (the AI coach is off on this server)");
        assertThat(on.factory().apply(id -> java.util.Optional.empty())).isInstanceOf(LlmCoach.class);
        assertThat(on.status().statusLines(ana)).containsExactly("- **Coach:** the AI coach (ollama, llama3.2) for "
                + "free-form questions, pace42's standard answers for the rest; this month 0 of 300000 tokens");
        off.close();
        on.close();
    }
}
