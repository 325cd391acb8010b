package ai.pace42.discord;

import ai.pace42.bot.channel.Reply;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** An {@link OutboundMessage} as JDA message data: content, the chart upload, link buttons, no pings. */
final class JdaMessages {

    private JdaMessages() {
    }

    static MessageCreateData create(OutboundMessage m) {
        MessageCreateBuilder b = new MessageCreateBuilder()
                .setContent(m.content())
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setComponents(rows(m.buttons()));
        if (m.hasFile()) {
            // A fresh upload per message: JDA closes the stream once the request is sent.
            b.setFiles(List.of(FileUpload.fromData(m.png(), m.fileName())));
        }
        return b.build();
    }

    static MessageEditData edit(OutboundMessage m) {
        MessageEditBuilder b = new MessageEditBuilder()
                .setReplace(true)
                .setContent(m.content())
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setComponents(rows(m.buttons()));
        if (m.hasFile()) {
            b.setAttachments(List.of(FileUpload.fromData(m.png(), m.fileName())));
        }
        return b.build();
    }

    private static List<ActionRow> rows(List<Reply.Part.LinkButton> buttons) {
        List<Button> out = new ArrayList<>();
        for (Reply.Part.LinkButton b : buttons) {
            out.add(Button.link(b.url(), b.label()));
        }
        return out.isEmpty() ? List.of() : ActionRow.partitionOf(out);
    }
}
