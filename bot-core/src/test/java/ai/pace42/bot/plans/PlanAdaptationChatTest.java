package ai.pace42.bot.plans;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.coach.plan.PlanCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every adaptation in chat on the sample athlete's plan: the proposal names why and what changes, nothing changes
 * before yes, yes changes it, undo restores it exactly, and the history lists each change with its reason. One core
 * for the whole walk-through (each step starts from the plan as it was).
 */
class PlanAdaptationChatTest {

    private static final PlatformIdentity ANA = PlatformIdentity.of(Platform.TELEGRAM, "ana-adapts");
    /** Wednesday 2 December 2026. */
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path dir;

    private PlanChat chat;
    private BotCore core;
    private MutableClock clock;

    @BeforeEach
    void setUp() {
        chat = new PlanChat(dir, NOW, ANA);
        core = chat.core;
        clock = chat.clock;
    }

    @AfterEach
    void tearDown() {
        chat.close();
    }

    private String say(String text) throws Exception {
        return chat.say(text).plainText();
    }

    private String stored() {
        return PlanCodec.encode(chat.plan().plan());
    }

    /** Proposes, checks nothing changed, applies, checks it changed, undoes, checks it is exactly back. */
    private String proposeApplyUndo(String phrase, String... reasonWords) throws Exception {
        String before = stored();
        String proposal = say(phrase);
        assertThat(proposal).contains("Proposed change", "What changes", "Nothing changes until you say **yes**").contains(reasonWords);
        assertThat(stored()).as("a proposal changes nothing: " + phrase).isEqualTo(before);
        assertThat(say("yes")).contains("Done");
        assertThat(stored()).as("yes applies it: " + phrase).isNotEqualTo(before);
        assertThat(say("undo")).contains("Undone");
        assertThat(stored()).as("undo is exact: " + phrase).isEqualTo(before);
        return proposal;
    }

    @Test
    void eachAdaptationIsAProposalThatYesAppliesAndUndoReversesExactly() throws Exception {
        say("/sample");
        say("Make me a plan for a half marathon on 12 April, 4 days a week, long run on Sunday");
        clock.advance(Duration.ofDays(8)); // Thursday 10 December, week 1

        proposeApplyUndo("my legs are sore", "short easy runs", "physio");
        proposeApplyUndo("I'm travelling next week", "While you travel", "easy run");
        proposeApplyUndo("I have a cold", "no running and no intensity", "days of easy runs only", "doctor");
        proposeApplyUndo("I can't run from 18 to 19 December", "dropped and not made up", "Fri 18 Dec");
        proposeApplyUndo("I missed 12 days", "rebuilt from your current fitness");

        String refused = say("move Tuesday's workout to Monday");
        assertThat(refused).contains("hard days need 48 h between them");

        String before = stored();
        say("no");
        assertThat(stored()).isEqualTo(before);

        assertThat(say("plan history")).contains("adapt, undone — With sore legs", "adapt, undone — While you travel",
                "adapt, undone — While you are ill", "adapt, undone — You can't run from 2026-12-18 to 2026-12-19",
                "What changes: Thu 10 Dec: easy run");
    }

    @Test
    void aMissedDayOrTwoIsAdviceAndNothingIsProposed() throws Exception {
        say("/sample");
        say("Make me a plan for a half marathon on 12 April, 4 days a week, long run on Sunday");
        clock.advance(Duration.ofDays(8));
        String before = stored();
        assertThat(say("I missed 2 days")).contains("carry on").doesNotContain("Proposed change");
        assertThat(say("yes")).doesNotContain("Done");
        assertThat(stored()).isEqualTo(before);
        assertThat(core.commands().isPrivateOnly("plan")).as("/plan shows training data: private chats only").isTrue();
    }
}
