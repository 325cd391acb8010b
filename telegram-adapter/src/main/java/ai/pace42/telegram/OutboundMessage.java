package ai.pace42.telegram;

import ai.pace42.bot.channel.Reply;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** One Bot API message, already rendered to Telegram HTML and within Telegram's limits. */
sealed interface OutboundMessage permits OutboundMessage.Text, OutboundMessage.Photo, OutboundMessage.Document {

    /** For logs: the method, never the content. */
    String describe();

    void sendWith(TelegramClient client, long chatId) throws TelegramApiException;

    /** A sendMessage in HTML parse mode; link previews are always off so no preview bot fetches our links. */
    /** @param locationButton the label of a request_location reply-keyboard button, or null */
    record Text(String html, List<Reply.Part.LinkButton> buttons, String locationButton) implements OutboundMessage {
        public Text {
            buttons = List.copyOf(buttons);
        }

        Text(String html, List<Reply.Part.LinkButton> buttons) {
            this(html, buttons, null);
        }

        Text askingForLocation(String label) {
            return new Text(html, buttons, label);
        }

        @Override
        public String describe() {
            return "sendMessage";
        }

        SendMessage toMethod(long chatId) {
            return SendMessage.builder()
                    .chatId(chatId)
                    .text(html)
                    .parseMode(ParseMode.HTML)
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                    .replyMarkup(locationButton == null ? keyboard(buttons) : ReplyKeyboardMarkup.builder()
                            .keyboardRow(new KeyboardRow(KeyboardButton.builder().text(locationButton)
                                    .requestLocation(true).build()))
                            .resizeKeyboard(true).oneTimeKeyboard(true).build())
                    .build();
        }

        @Override
        public void sendWith(TelegramClient client, long chatId) throws TelegramApiException {
            client.execute(toMethod(chatId));
        }
    }

    /** A sendPhoto uploaded from bytes, with an HTML caption of at most 1,024 characters. */
    record Photo(byte[] png, String captionHtml, List<Reply.Part.LinkButton> buttons) implements OutboundMessage {
        public Photo {
            buttons = List.copyOf(buttons);
        }

        @Override
        public String describe() {
            return "sendPhoto";
        }

        SendPhoto toMethod(long chatId) {
            SendPhoto.SendPhotoBuilder<?, ?> builder = SendPhoto.builder()
                    .chatId(chatId)
                    .photo(new InputFile(new ByteArrayInputStream(png), "chart.png"))
                    .replyMarkup(keyboard(buttons));
            if (captionHtml != null && !captionHtml.isEmpty()) {
                builder.caption(captionHtml).parseMode(ParseMode.HTML);
            }
            return builder.build();
        }

        @Override
        public void sendWith(TelegramClient client, long chatId) throws TelegramApiException {
            // A fresh InputStream per attempt, so a retried upload sends the whole image again.
            client.execute(toMethod(chatId));
        }
    }

    /** A sendDocument uploaded from bytes (multipart), e.g. the plan's .ics calendar. */
    record Document(byte[] bytes, String fileName) implements OutboundMessage {

        @Override
        public String describe() {
            return "sendDocument";
        }

        SendDocument toMethod(long chatId) {
            return SendDocument.builder().chatId(chatId)
                    .document(new InputFile(new ByteArrayInputStream(bytes), fileName)).build();
        }

        @Override
        public void sendWith(TelegramClient client, long chatId) throws TelegramApiException {
            client.execute(toMethod(chatId)); // a fresh stream per attempt, as for photos
        }
    }

    private static InlineKeyboardMarkup keyboard(List<Reply.Part.LinkButton> buttons) {
        if (buttons.isEmpty()) {
            return null;
        }
        InlineKeyboardMarkup.InlineKeyboardMarkupBuilder<?, ?> markup = InlineKeyboardMarkup.builder();
        for (Reply.Part.LinkButton b : buttons) {
            markup.keyboardRow(new InlineKeyboardRow(
                    InlineKeyboardButton.builder().text(b.label()).url(b.url()).build()));
        }
        return markup.build();
    }
}
