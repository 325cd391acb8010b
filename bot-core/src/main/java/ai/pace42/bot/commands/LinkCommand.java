package ai.pace42.bot.commands;

import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import ai.pace42.bot.linking.OneTimeLinks;
import java.net.URI;

/**
 * Sends a private one-time link to the page where the runner connects Garmin. Never in a group: anyone there
 * could open it and connect their Garmin account to this runner's chat.
 */
public final class LinkCommand implements Command {

    public static final String PURPOSE = "garmin";

    private final OneTimeLinks links;
    private final URI publicUrl;

    public LinkCommand(OneTimeLinks links, URI publicUrl) {
        this.links = links;
        this.publicUrl = publicUrl;
    }

    @Override
    public String name() {
        return "link";
    }

    @Override
    public String usage() {
        return "/link";
    }

    @Override
    public String summary() {
        return "Connect your Garmin account (private one-time link)";
    }

    @Override
    public Reply run(CommandContext context) {
        Inbound in = context.inbound();
        if (!in.direct()) {
            return Reply.text("For your privacy I only send links in a private chat. Message me directly and "
                    + "send /link there.");
        }
        OneTimeLinks.Issued issued = links.issue(PURPOSE, in.from(), in.where(), context.account().id(),
                in.displayName());
        long minutes = issued.minutesLeft();
        return Reply.of(
                new Reply.Part.Text("Here is your private link to connect Garmin. It works once and expires in "
                        + minutes + " minutes; don't share it. I will never ask for your Garmin password in chat."),
                new Reply.Part.LinkButton("Connect Garmin", publicUrl + "/link/" + issued.token()))
                .asEphemeral();
    }
}
