package ai.pace42.garmin.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The raw pieces of one activity as they came from Garmin. {@code activity} is either a list item (flat) or the
 * detail payload ({@code summaryDTO}…); any piece may be missing.
 */
public record GarminPayloads(JsonNode activity, JsonNode details, JsonNode splits, JsonNode weather,
                             DetailRows detailRows, JsonNode hrZones) {

    public GarminPayloads {
        activity = orMissing(activity);
        details = orMissing(details);
        splits = orMissing(splits);
        weather = orMissing(weather);
        hrZones = orMissing(hrZones);
    }

    public GarminPayloads(JsonNode activity, JsonNode details, JsonNode splits, JsonNode weather,
                          DetailRows detailRows) {
        this(activity, details, splits, weather, detailRows, null);
    }

    public GarminPayloads(JsonNode activity, JsonNode details, JsonNode splits, JsonNode weather) {
        this(activity, details, splits, weather, null);
    }

    public static GarminPayloads of(JsonNode activity) {
        return new GarminPayloads(activity, null, null, null, null);
    }

    public GarminPayloads withDetails(JsonNode d) {
        return new GarminPayloads(activity, d, splits, weather, null, hrZones);
    }

    /** Details already streamed into rows ({@link DetailRows#stream}); they take precedence over the tree. */
    public GarminPayloads withDetailRows(DetailRows rows) {
        return new GarminPayloads(activity, null, splits, weather, rows, hrZones);
    }

    public GarminPayloads withSplits(JsonNode s) {
        return new GarminPayloads(activity, details, s, weather, detailRows, hrZones);
    }

    public GarminPayloads withWeather(JsonNode w) {
        return new GarminPayloads(activity, details, splits, w, detailRows, hrZones);
    }

    /** Garmin's {@code hrTimeInZones} array for the activity. */
    public GarminPayloads withHrZones(JsonNode z) {
        return new GarminPayloads(activity, details, splits, weather, detailRows, z);
    }

    private static JsonNode orMissing(JsonNode n) {
        return n == null ? MissingNode.getInstance() : n;
    }
}
