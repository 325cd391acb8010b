package ai.pace42.garmin.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The raw pieces of one activity as they came from Garmin. {@code activity} is either a list item (flat) or the
 * detail payload ({@code summaryDTO}…); any piece may be missing.
 */
public record GarminPayloads(JsonNode activity, JsonNode details, JsonNode splits, JsonNode weather,
                             DetailRows detailRows) {

    public GarminPayloads {
        activity = orMissing(activity);
        details = orMissing(details);
        splits = orMissing(splits);
        weather = orMissing(weather);
    }

    public GarminPayloads(JsonNode activity, JsonNode details, JsonNode splits, JsonNode weather) {
        this(activity, details, splits, weather, null);
    }

    public static GarminPayloads of(JsonNode activity) {
        return new GarminPayloads(activity, null, null, null, null);
    }

    public GarminPayloads withDetails(JsonNode d) {
        return new GarminPayloads(activity, d, splits, weather, null);
    }

    /** Details already streamed into rows ({@link DetailRows#stream}); they take precedence over the tree. */
    public GarminPayloads withDetailRows(DetailRows rows) {
        return new GarminPayloads(activity, null, splits, weather, rows);
    }

    public GarminPayloads withSplits(JsonNode s) {
        return new GarminPayloads(activity, details, s, weather, detailRows);
    }

    public GarminPayloads withWeather(JsonNode w) {
        return new GarminPayloads(activity, details, splits, w, detailRows);
    }

    private static JsonNode orMissing(JsonNode n) {
        return n == null ? MissingNode.getInstance() : n;
    }
}
