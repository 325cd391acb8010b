package ai.pace42.bot.channel;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link Reply} out for one platform, from its {@link Capabilities} alone, so every platform splits,
 * captions and places buttons by the same rules and an adapter only turns each laid-out message into an API call:
 * <ul>
 *   <li>text is rendered in the platform's markup and split at {@code maxText};</li>
 *   <li>an image takes the text right before it as its caption when that text is one message within
 *       {@code maxCaption}; otherwise it is captioned with its alt text (platforms without captions get none);
 *       a platform without images gets the alt text as a message;</li>
 *   <li>link buttons go under the last message (a message of the first label when there is none); a platform
 *       without buttons gets them as "label: url" lines;</li>
 *   <li>a file is a message of its own; a platform that does not send files gets a line saying where to download
 *       it (the browser chat).</li>
 * </ul>
 */
public final class ReplyLayout {

    /**
     * One message to send.
     *
     * @param text    rendered in the platform's markup, within its limits; may be empty for an image alone
     * @param image   the image this message carries, or null
     * @param source  the markup of the reply part the text came from (for notification previews), or ""
     * @param file    the file this message carries (only on platforms that send files), or null
     */
    public record Message(String text, Reply.Part.Image image, List<Reply.Part.LinkButton> buttons, String source,
                          Reply.Part.File file) {

        public Message {
            text = text == null ? "" : text;
            buttons = List.copyOf(buttons);
            source = source == null ? "" : source;
        }

        public Message(String text, Reply.Part.Image image, List<Reply.Part.LinkButton> buttons, String source) {
            this(text, image, buttons, source, null);
        }

        public boolean hasImage() {
            return image != null;
        }

        public boolean hasFile() {
            return file != null;
        }

        Message with(Reply.Part.Image img, String caption) {
            return new Message(caption, img, buttons, source, file);
        }

        Message withButtons(List<Reply.Part.LinkButton> more) {
            return new Message(text, image, more, source, file);
        }
    }

    /** What a platform without files shows for one: its name and where the browser chat serves it. */
    static String instead(Reply.Part.File file) {
        return "Your file " + file.name() + (file.downloadPath().isEmpty()
                ? " can't be sent on this platform."
                : " can't be sent on this platform: open the browser chat and download it from " + file.downloadPath() + ".");
    }

    private ReplyLayout() {
    }

    public static List<Message> of(Reply reply, Capabilities caps) {
        TextRenderer markup = caps.renderer();
        List<Message> out = new ArrayList<>();
        List<Reply.Part.LinkButton> buttons = new ArrayList<>();
        // Whether the last message is the whole of the text part right before the current part.
        boolean lastIsWholeText = false;
        for (Reply.Part part : reply.parts()) {
            if (part instanceof Reply.Part.Text text) {
                List<String> chunks = MessageSplitter.split(text.markup(), caps.maxText(), markup);
                chunks.forEach(chunk -> out.add(new Message(chunk, null, List.of(), text.markup())));
                lastIsWholeText = chunks.size() == 1;
            } else if (part instanceof Reply.Part.Image image) {
                place(image, caps, out, lastIsWholeText);
                lastIsWholeText = false;
            } else if (part instanceof Reply.Part.LinkButton button) {
                buttons.add(button);
            } else if (part instanceof Reply.Part.File file) {
                if (caps.files()) {
                    out.add(new Message("", null, List.of(), file.name(), file));
                } else {
                    String line = instead(file);
                    MessageSplitter.split(line, caps.maxText(), markup).forEach(chunk -> out.add(new Message(chunk, null, List.of(), line)));
                }
                lastIsWholeText = false;
            }
        }
        if (!buttons.isEmpty()) {
            addButtons(buttons, caps, out);
        }
        return out;
    }

    private static void place(Reply.Part.Image image, Capabilities caps, List<Message> out, boolean lastIsWholeText) {
        TextRenderer markup = caps.renderer();
        if (!caps.images()) {
            MessageSplitter.split(image.altText(), caps.maxText(), markup)
                    .forEach(chunk -> out.add(new Message(chunk, null, List.of(), image.altText())));
            return;
        }
        int last = out.size() - 1;
        if (lastIsWholeText && caps.maxCaption() > 0 && out.get(last).text().length() <= caps.maxCaption()) {
            out.set(last, out.get(last).with(image, out.get(last).text()));
            return;
        }
        String caption = "";
        if (caps.maxCaption() > 0) {
            List<String> pieces = MessageSplitter.split(image.altText(), Math.max(16, caps.maxCaption()), markup);
            caption = pieces.isEmpty() ? "" : pieces.get(0);
        }
        out.add(new Message(caption, image, List.of(), image.altText()));
    }

    private static void addButtons(List<Reply.Part.LinkButton> buttons, Capabilities caps, List<Message> out) {
        TextRenderer markup = caps.renderer();
        if (!caps.linkButtons()) {
            StringBuilder lines = new StringBuilder();
            buttons.forEach(b -> lines.append(lines.length() == 0 ? "" : "\n").append(b.label()).append(": ")
                    .append(b.url()));
            MessageSplitter.split(lines.toString(), caps.maxText(), markup)
                    .forEach(chunk -> out.add(new Message(chunk, null, List.of(), "")));
            return;
        }
        if (out.isEmpty()) {
            out.add(new Message(markup.render(buttons.get(0).label()), null, List.of(), buttons.get(0).label()));
        }
        int last = out.size() - 1;
        out.set(last, out.get(last).withButtons(buttons));
    }
}
