package ai.pace42.garmin.normalise;

import ai.pace42.coach.model.Activity;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Garmin's "export your data" {@code DI-Connect-Fitness/*summarizedActivities*.json} → one result per activity.
 * The file is {@code [{"summarizedActivitiesExport": [ … ]}]} (or a bare array of activities) in the export's own
 * units: distance and elevation in cm, durations in ms, times as ms since the epoch, {@code activityType} a bare
 * typeKey. Each entry is rewritten in the activity list's units and names and read by {@link ActivityNormaliser},
 * so an exported summary and a synced one can never be read differently. Never throws.
 */
public final class ExportSummaries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportSummaries() {
    }

    /** One summarised activity: its Garmin id (the key a re-import is recognised by) and how it was read. */
    public record Summary(String activityId, Result<Activity> activity) {
    }

    /** Empty when the bytes are not such a file; a malformed entry is a failed result, not an exception. */
    public static List<Summary> read(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        List<Summary> out = new ArrayList<>();
        for (JsonNode item : entries(root)) {
            String id = Json.whole(item, "activityId").stream().mapToObj(Long::toString).findFirst().orElse("");
            Result<Activity> activity = id.isEmpty()
                    ? Result.failed(GarminProblemCode.GARMIN_BAD_DATA, "export entry without activityId")
                    : ActivityNormaliser.normalise(GarminPayloads.of(asListItem(item)).withDetailRows(DetailRows.empty()),
                            OptionalLong.empty());
            out.add(new Summary(id, activity));
        }
        return out;
    }

    private static List<JsonNode> entries(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        if (root == null || !root.isArray()) {
            return out;
        }
        for (JsonNode el : root) {
            JsonNode wrapped = Json.at(el, "summarizedActivitiesExport");
            if (wrapped.isArray()) {
                wrapped.forEach(out::add);
            } else if (el.isObject() && el.has("activityId")) {
                out.add(el);
            }
        }
        return out;
    }

    /** The export's names and units → the activity list's ({@code garmin-connect.md} §3.2). */
    static JsonNode asListItem(JsonNode e) {
        ObjectNode n = JSON.createObjectNode();
        n.set("activityId", e.get("activityId"));
        Json.text(e, "name").ifPresent(v -> n.put("activityName", v));
        JsonNode type = e.get("activityType");
        ObjectNode typeNode = n.putObject("activityType");
        if (type != null && type.isTextual()) {
            typeNode.put("typeKey", type.textValue());
        } else if (type != null && type.isObject()) {
            typeNode.setAll((ObjectNode) type);
        } else {
            Json.text(e, "sportType").ifPresent(v -> typeNode.put("typeKey", v.toLowerCase(java.util.Locale.ROOT)));
        }
        // Times are ms since the epoch in the exports seen; some tools rewrite them as ISO text, kept as is.
        JsonNode gmt = e.has("startTimeGmt") ? e.get("startTimeGmt") : e.get("beginTimestamp");
        if (gmt != null && gmt.isNumber()) {
            n.put("beginTimestamp", gmt.asLong());
        } else if (gmt != null && gmt.isTextual()) {
            n.put("startTimeGMT", gmt.textValue());
        }
        // startTimeLocal is the wall clock written as if it were UTC milliseconds.
        JsonNode local = e.get("startTimeLocal");
        if (local != null && local.isNumber()) {
            n.put("startTimeLocal", java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(local.asLong(), 1000), 0,
                    java.time.ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        } else if (local != null && local.isTextual()) {
            n.put("startTimeLocal", local.textValue());
        }
        scaled(e, n, "distance", "distance", 100);
        scaled(e, n, "duration", "duration", 1000);
        scaled(e, n, "movingDuration", "movingDuration", 1000);
        scaled(e, n, "elapsedDuration", "elapsedDuration", 1000);
        scaled(e, n, "elevationGain", "elevationGain", 100);
        scaled(e, n, "elevationLoss", "elevationLoss", 100);
        scaled(e, n, "avgHr", "averageHR", 1);
        scaled(e, n, "maxHr", "maxHR", 1);
        // The export counts running cadence per leg; the list counts steps.
        scaled(e, n, "avgRunCadence", "averageRunningCadenceInStepsPerMinute", 0.5);
        if (Json.whole(e, "eventTypeId").orElse(0) == RACE_EVENT_TYPE_ID) {
            n.putObject("eventType").put("typeKey", "race");
        }
        return n;
    }

    /** {@code eventTypeId} of a race in the export (real-recordings.md §6.2). */
    private static final long RACE_EVENT_TYPE_ID = 1;

    /** Divided rather than multiplied, so 812345 cm are exactly 8123.45 m. */
    private static void scaled(JsonNode from, ObjectNode to, String key, String as, double divisor) {
        Json.number(from, key).ifPresent(v -> to.put(as, v / divisor));
    }
}
