package ai.pace42.telegram;

/** Who the bot is, from getMe: needed to tell which group messages are meant for it. */
record BotIdentity(long id, String username) {

    /** The private-chat link, optionally with a deep-link payload ({@code /start payload}). */
    String privateChatUrl(String startPayload) {
        return "https://t.me/" + username + (startPayload.isEmpty() ? "" : "?start=" + startPayload);
    }
}
