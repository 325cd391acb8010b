package ai.pace42.bot.commands;

import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import ai.pace42.bot.linking.GarminLinking;
import ai.pace42.bot.linking.OneTimeLinks;
import java.net.URI;
import java.util.Locale;

/**
 * Sends a private one-time link to the page where the runner connects Garmin, and takes the code that page shows
 * ({@code /link confirm 123456}) before the connection is used. Never in a group: anyone there could open the link.
 */
public final class LinkCommand implements Command {

    public static final String PURPOSE = "garmin";

    private final OneTimeLinks links;
    private final GarminLinking linking;
    private final URI publicUrl;

    public LinkCommand(OneTimeLinks links, GarminLinking linking, URI publicUrl) {
        this.links = links;
        this.linking = linking;
        this.publicUrl = publicUrl;
    }

    @Override
    public String name() {
        return "link";
    }

    @Override
    public boolean privateOnly() {
        return true;
    }

    @Override
    public String usage() {
        return "/link [confirm code]";
    }

    @Override
    public String summary() {
        return "Connect your Garmin account (private one-time link, then the code the page shows)";
    }

    @Override
    public Reply run(CommandContext context) {
        Inbound in = context.inbound();
        if (!in.direct()) {
            return Reply.text("For your privacy I only send links in a private chat. Message me directly and "
                    + "send /link there.");
        }
        String args = context.args();
        if (args.toLowerCase(Locale.ROOT).startsWith("confirm")) {
            return confirm(in, args.substring("confirm".length()).strip());
        }
        OneTimeLinks.Issued issued = links.issue(PURPOSE, in.from(), in.where(), context.account().id(),
                in.displayName());
        long minutes = issued.minutesLeft();
        return Reply.of(
                new Reply.Part.Text("Here is your private link to connect Garmin. It works once and expires in "
                        + minutes + " minutes; don't share it. When you're done, the page shows a code to send "
                        + "here. I will never ask for your Garmin password in chat."),
                new Reply.Part.LinkButton("Connect Garmin", publicUrl + "/link/" + issued.token()))
                .asEphemeral();
    }

    private Reply confirm(Inbound in, String code) {
        GarminLinking.Confirmation outcome = linking.confirm(in.from(), code, in.requestId());
        if (outcome instanceof GarminLinking.Confirmation.Activated activated) {
            return Reply.text("Garmin connected as **" + activated.garminDisplayName() + "**. Not you? Send /unlink.");
        }
        if (outcome instanceof GarminLinking.Confirmation.WrongCode wrong) {
            return Reply.text("That code doesn't match the one on the link page. " + wrong.triesLeft()
                    + (wrong.triesLeft() == 1 ? " try" : " tries") + " left.");
        }
        if (outcome instanceof GarminLinking.Confirmation.Refused) {
            return Reply.text("Too many wrong codes, so I dropped that Garmin connection; nothing was kept. "
                    + "Send /link to start again.");
        }
        return Reply.text("No Garmin connection is waiting for a code here (codes work for a few minutes). "
                + "Send /link to start again.");
    }
}
