package ai.pace42.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads an APPLICATION_COMMAND interaction as Discord posts it to the endpoint into a {@link SlashInvocation}. */
final class InteractionJson {

    static final int PING = 1;
    static final int APPLICATION_COMMAND = 2;
    private static final int SUB_COMMAND = 1;
    private static final int SUB_COMMAND_GROUP = 2;
    /** Discord's epoch (2015-01-01) in Unix milliseconds; snowflakes carry their creation time from it. */
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;

    private InteractionJson() {
    }

    static SlashInvocation toInvocation(JsonNode interaction) {
        JsonNode data = interaction.path("data");
        // In a server the user sits inside "member"; in a DM it is "user".
        JsonNode user = interaction.has("member") ? interaction.path("member").path("user") : interaction.path("user");
        String id = required(interaction, "id");
        String subcommand = "";
        Map<String, String> options = new LinkedHashMap<>();
        for (JsonNode option : data.path("options")) {
            int type = option.path("type").asInt();
            if (type == SUB_COMMAND || type == SUB_COMMAND_GROUP) {
                subcommand = option.path("name").asText();
                for (JsonNode inner : option.path("options")) {
                    options.put(inner.path("name").asText(), inner.path("value").asText());
                }
            } else {
                options.put(option.path("name").asText(), option.path("value").asText());
            }
        }
        String name = user.path("global_name").isTextual() ? user.path("global_name").asText()
                : user.path("username").asText("");
        return new SlashInvocation(id, required(interaction, "application_id"), required(interaction, "token"),
                required(data, "name"), subcommand, options, required(user, "id"), name,
                interaction.path("guild_id").asText(""), interaction.path("channel_id").asText(""),
                snowflakeTime(id));
    }

    static Instant snowflakeTime(String snowflake) {
        try {
            return Instant.ofEpochMilli((Long.parseUnsignedLong(snowflake) >>> 22) + DISCORD_EPOCH);
        } catch (NumberFormatException e) {
            return Instant.now();
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("interaction without " + field);
        }
        return value.asText();
    }
}
