package ai.pace42.bot.commands;

import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import ai.pace42.bot.data.AccountDataSources;
import ai.pace42.bot.data.DataSourceKind;
import ai.pace42.coach.CoachService;
import java.time.Clock;
import java.util.Locale;

/** Lets a new runner try every question on the built-in sample athlete, and leave it again. */
public final class SampleCommand implements Command {

    private final AccountDataSources sources;
    private final CoachService coach;
    private final Clock clock;

    public SampleCommand(AccountDataSources sources, CoachService coach, Clock clock) {
        this.sources = sources;
        this.coach = coach;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sample";
    }

    @Override
    public String usage() {
        return "/sample [off]";
    }

    @Override
    public String summary() {
        return "Explore with the sample athlete's 16 weeks of training";
    }

    @Override
    public Reply run(CommandContext context) {
        String accountId = context.account().id();
        String arg = context.args().toLowerCase(Locale.ROOT);
        if (arg.equals("off") || arg.equals("stop")) {
            sources.choose(accountId, DataSourceKind.NONE);
            return Reply.text("Done: I've put the sample athlete away. Your answers will use your own data once "
                    + "it is connected.");
        }
        if (!arg.isEmpty()) {
            return Reply.text("Use /sample to explore with the sample athlete, or /sample off to stop.");
        }
        sources.choose(accountId, DataSourceKind.SAMPLE);
        // Analyse the 16 weeks now, so the runner's first question is answered from the cache.
        coach.warmUp(accountId, context.account().units(), context.account().effectiveZone(), clock.instant());
        return Reply.text("""
                **You're now exploring the sample athlete** — 16 weeks of made-up but realistic training \
                (easy runs, long runs, tempo, intervals, a 10 km race). Answers will say it's sample data.

                Try:
                - Analyze my last run
                - Compare my last 3 runs
                - How is my fitness trending?
                - What should I run tomorrow?
                - Predict my half marathon
                - What are my training paces?

                Type /sample off to stop.""");
    }
}
