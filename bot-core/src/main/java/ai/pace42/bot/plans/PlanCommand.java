package ai.pace42.bot.plans;

import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import ai.pace42.coach.ChartImage;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.answer.Format;
import ai.pace42.coach.plan.PlanCalendar;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /plan}: the plan's views and actions as a command, for platforms where a menu is easier than a sentence.
 * Each word is turned into the sentence the plan coach understands, so the command and the chat never differ.
 */
public final class PlanCommand implements Command {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("", "show my plan"), Map.entry("show", "show my plan"), Map.entry("chart", "plan chart"),
            Map.entry("week", "this week"), Map.entry("today", "what's today"), Map.entry("calendar", "calendar"),
            Map.entry("ics", "calendar"), Map.entry("pause", "pause my plan"), Map.entry("resume", "resume my plan"),
            Map.entry("undo", "undo"), Map.entry("history", "plan history"), Map.entry("stop", "stop my plan"),
            Map.entry("yes", "yes"), Map.entry("no", "no"));

    static final String CALENDAR_NAME = "pace42-plan.ics";
    /** Where the browser chat serves the same file (PlansApiResource). */
    static final String CALENDAR_PATH = "/api/v1/plans/current.ics";

    private final PlanCoach coach;
    private final Clock clock;

    public PlanCommand(PlanCoach coach, Clock clock) {
        this.coach = coach;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "plan";
    }

    @Override
    public String usage() {
        return "/plan [week|today|chart|calendar|pause|resume|undo|history|stop|<race and date>]";
    }

    @Override
    public String summary() {
        return "Your training plan to a race date: make one, see this week or today, adapt it";
    }

    /** A plan shows the runner's weekly distances, paces and heart rates: that belongs in a private chat. */
    @Override
    public boolean privateOnly() {
        return true;
    }

    @Override
    public Reply run(CommandContext context) {
        String args = context.args().strip();
        String sentence = WORDS.getOrDefault(args.toLowerCase(Locale.ROOT), "make me a plan for " + args);
        CoachAnswer answer = coach.answer(new CoachQuestion(context.account().id(), sentence, context.account().units(),
                context.account().effectiveZone(), clock.instant(), context.inbound().requestId()));
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.Part.Text(answer.text()));
        for (ChartImage chart : answer.charts()) {
            parts.add(new Reply.Part.Image(chart.png(), chart.altText()));
        }
        if ("calendar".equals(sentence)) {
            calendar(context).ifPresent(parts::add);
        }
        return new Reply(parts, false);
    }

    /** The current plan as an .ics file, sent where the platform can and offered as a download where it can't. */
    private java.util.Optional<Reply.Part.File> calendar(CommandContext context) {
        return coach.store().current(context.account().id()).map(sp -> new Reply.Part.File(CALENDAR_NAME, "text/calendar",
                PlanCalendar.ics(sp.plan(), sp.id(), new Format(context.account().units(), context.account().effectiveZone()),
                        clock.instant()).getBytes(StandardCharsets.UTF_8), CALENDAR_PATH));
    }
}
