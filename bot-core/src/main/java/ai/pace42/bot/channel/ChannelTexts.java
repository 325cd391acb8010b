package ai.pace42.bot.channel;

/**
 * The sentences every platform says about the channel itself (files it cannot read, things that belong in a
 * private chat), written once here so all platforms say the same.
 */
public final class ChannelTexts {

    /** What the coach reads from a chat: files larger than this are not fetched at all. */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    public static final String UNSUPPORTED_FILE = "I read text questions and activity files from your watch "
            + "(FIT, GPX or TCX, or a ZIP of them such as Garmin's export). Photos, stickers, voice messages and "
            + "other files I can't read — try asking \"How was my last run?\"";
    public static final String FILE_TOO_BIG = "That file is larger than the 20 MB I read. Export just the "
            + "activity (a FIT file is usually well under 1 MB, a ZIP of several runs works too) and send it again.";
    public static final String GO_PRIVATE = "Let's do that in a private chat, so your training data stays "
            + "between us.";
    public static final String FILES_IN_PRIVATE = "Please send activity files to me in a private chat, so your "
            + "training data stays between us.";
    public static final String OPEN_PRIVATE_CHAT = "Open a private chat";

    private ChannelTexts() {
    }

    public static String unknownCommand(String name) {
        return "I don't know the command /" + name + ". Type /help to see what I understand.";
    }

    public static String couldNotFetch(String fileName) {
        return "I couldn't download " + fileName + ". Please send it again.";
    }
}
