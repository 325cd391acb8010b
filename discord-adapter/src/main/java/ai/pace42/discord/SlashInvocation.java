package ai.pace42.discord;

import java.time.Instant;
import java.util.Map;

/**
 * A slash-command interaction reduced to primitives, from the gateway (JDA) or the HTTP interactions endpoint.
 *
 * @param token      the interaction token: a secret for 15 minutes, never logged
 * @param subcommand the subcommand name, empty when there is none
 * @param guildId    the server the command was used in, empty in a DM with the bot
 */
record SlashInvocation(String interactionId, String applicationId, String token, String command, String subcommand,
                       Map<String, String> options, String userId, String userName, String guildId,
                       String channelId, Instant at) {

    SlashInvocation {
        subcommand = subcommand == null ? "" : subcommand;
        options = options == null ? Map.of() : Map.copyOf(options);
        userName = userName == null ? "" : userName;
        guildId = guildId == null ? "" : guildId;
        channelId = channelId == null ? "" : channelId;
    }

    String option(String name) {
        return options.getOrDefault(name, "");
    }

    /** The correlation id carried into logs; the interaction id is a public snowflake, unlike the token. */
    String requestId() {
        return "dc-" + interactionId;
    }

    /** Never print the token. */
    @Override
    public String toString() {
        return "SlashInvocation[id=" + interactionId + ", command=" + command + " " + subcommand + "]";
    }
}
