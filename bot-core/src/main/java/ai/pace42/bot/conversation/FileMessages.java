package ai.pace42.bot.conversation;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.channel.ActivityFiles;
import ai.pace42.bot.channel.Attachment;
import ai.pace42.bot.channel.ChannelTexts;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Reply;
import ai.pace42.coach.CoachAnswer;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A message with a file: the rules every platform shares (private chats only, activity files only, at most
 * {@link ChannelTexts#MAX_FILE_BYTES}), then the content read through the attachment itself and analysed.
 */
final class FileMessages {

    private final FileAnalysis files;
    private final BiFunction<Account, CoachAnswer, Reply> toReply;
    private final String tryAsking;

    FileMessages(FileAnalysis files, BiFunction<Account, CoachAnswer, Reply> toReply, String tryAsking) {
        this.files = files;
        this.toReply = toReply;
        this.tryAsking = tryAsking;
    }

    Reply answer(Inbound inbound, Account account, Instant now) {
        Attachment attachment = inbound.attachments().get(0);
        if (!inbound.direct()) {
            return Reply.text(ChannelTexts.FILES_IN_PRIVATE);
        }
        if (!ActivityFiles.isActivityFile(attachment.fileName())) {
            return Reply.text(ChannelTexts.UNSUPPORTED_FILE);
        }
        if (attachment.sizeBytes() > ChannelTexts.MAX_FILE_BYTES) {
            return Reply.text(ChannelTexts.FILE_TOO_BIG);
        }
        byte[] content;
        try {
            content = attachment.read(ChannelTexts.MAX_FILE_BYTES);
        } catch (ActivityFiles.TooLarge e) {
            return Reply.text(ChannelTexts.FILE_TOO_BIG);
        } catch (IOException e) {
            return Reply.text(ChannelTexts.couldNotFetch(attachment.fileName()));
        }
        Optional<CoachAnswer> answer = files.analyze(account, attachment.fileName(), content, now);
        return answer.map(a -> toReply.apply(account, a))
                .orElseGet(() -> Reply.text("I can't analyse files on this server yet. " + tryAsking));
    }
}
