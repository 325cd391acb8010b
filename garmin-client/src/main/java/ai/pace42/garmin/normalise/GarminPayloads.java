package ai.pace42.garmin.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The raw pieces of one activity as they came from Garmin. {@code activity} is either a list item (flat) or the
 * detail payload ({@code summaryDTO}…); any piece may be missing.
 */
public record GarminPayloads(JsonNode activity, JsonNode details, JsonNode splits, JsonNode weather) {

    public GarminPayloads {
        activity = orMissing(activity);
        details = orMissing(details);
        splits = orMissing(splits);
        weather = orMissing(weather);
    }

    public static GarminPayloads of(JsonNode activity) {
        return new GarminPayloads(activity, null, null, null);
    }

    public GarminPayloads withDetails(JsonNode d) {
        return new GarminPayloads(activity, d, splits, weather);
    }

    public GarminPayloads withSplits(JsonNode s) {
        return new GarminPayloads(activity, details, s, weather);
    }

    public GarminPayloads withWeather(JsonNode w) {
        return new GarminPayloads(activity, details, splits, w);
    }

    private static JsonNode orMissing(JsonNode n) {
        return n == null ? MissingNode.getInstance() : n;
    }
}
