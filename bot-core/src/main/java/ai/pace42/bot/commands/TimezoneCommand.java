package ai.pace42.bot.commands;

import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.account.TimeZones;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Sets the zone that "today", "yesterday" and run times are read in. */
public final class TimezoneCommand implements Command {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private final AccountService accounts;
    private final java.time.Clock clock;

    public TimezoneCommand(AccountService accounts, java.time.Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "timezone";
    }

    @Override
    public boolean privateOnly() {
        return true;
    }

    @Override
    public String usage() {
        return "/timezone Area/City";
    }

    @Override
    public String summary() {
        return "Set your time zone, e.g. /timezone Europe/Berlin";
    }

    @Override
    public Reply run(CommandContext context) {
        if (context.args().isEmpty()) {
            String current = context.account().timeZone().map(ZoneId::getId).orElse("not set (using UTC)");
            return Reply.text("Your time zone is **" + current + "**. Set it with a city, for example "
                    + "/timezone America/New_York or /timezone Europe/Berlin.");
        }
        Optional<ZoneId> zone = TimeZones.parse(context.args());
        if (zone.isEmpty()) {
            return Reply.text("I don't know the time zone \"" + context.args() + "\". Use Area/City, for example "
                    + "/timezone Europe/Paris, /timezone America/Chicago or /timezone Asia/Tokyo.");
        }
        accounts.setTimeZone(context.account().id(), zone.get());
        String localNow = ZonedDateTime.now(clock.withZone(zone.get())).format(LOCAL_TIME);
        return Reply.text("Done: your time zone is **" + zone.get().getId() + "** (it's " + localNow + " there now).");
    }
}
