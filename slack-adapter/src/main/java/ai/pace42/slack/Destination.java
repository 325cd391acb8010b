package ai.pace42.slack;

/**
 * Where a reply goes.
 *
 * @param threadTs    reply in this thread (mentions in channels), or null
 * @param ephemeral   only {@code userId} sees it (slash commands)
 * @param responseUrl the slash command's response URL, a fallback where the bot cannot post; may be null
 */
record Destination(String enterpriseId, String teamId, String channelId, String userId, String threadTs,
                   boolean ephemeral, String responseUrl) {

    boolean isDirectMessage() {
        return channelId != null && channelId.startsWith("D");
    }

    Destination ephemeralTo() {
        return new Destination(enterpriseId, teamId, channelId, userId, threadTs, true, responseUrl);
    }
}
