package ai.pace42.bot.commands;

import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.account.Units;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import ai.pace42.coach.UnitSystem;
import java.util.Optional;

/** Chooses kilometres or miles for every answer. */
public final class UnitsCommand implements Command {

    private final AccountService accounts;

    public UnitsCommand(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "units";
    }

    @Override
    public String usage() {
        return "/units km|mi";
    }

    @Override
    public String summary() {
        return "Show distances and paces in kilometres or miles";
    }

    @Override
    public Reply run(CommandContext context) {
        UnitSystem current = context.account().units();
        if (context.args().isEmpty()) {
            return Reply.text("You're using **" + current.distanceUnit() + "**. Switch with /units km or /units mi.");
        }
        Optional<UnitSystem> wanted = Units.parse(context.args());
        if (wanted.isEmpty()) {
            return Reply.text("I know two units: **km** and **mi**. For example: /units mi");
        }
        accounts.setUnits(context.account().id(), wanted.get());
        return Reply.text(wanted.get() == UnitSystem.IMPERIAL
                ? "Done: I'll use **miles** and minutes per mile from now on."
                : "Done: I'll use **kilometres** and minutes per kilometre from now on.");
    }
}
