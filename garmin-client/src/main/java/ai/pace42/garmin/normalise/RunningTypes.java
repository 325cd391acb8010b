package ai.pace42.garmin.normalise;

import ai.pace42.coach.model.SportType;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Optional;

/**
 * Garmin activity types → running sub-types. Every running sub-type counts (N25: the prototype kept only
 * "running" and lost street, treadmill and trail runs); the family test is {@code typeKey} or parent type 1.
 */
public final class RunningTypes {

    private static final long RUNNING_PARENT_TYPE_ID = 1;

    private RunningTypes() {
    }

    /** Empty when the payload says nothing about the type; {@code Optional.of(false)} when it is not a run. */
    public static Optional<Boolean> isRun(JsonNode type) {
        Optional<String> key = Json.text(type, "typeKey").map(s -> s.toLowerCase(Locale.ROOT));
        var parent = Json.whole(type, "parentTypeId");
        var typeId = Json.whole(type, "typeId");
        if (key.isEmpty() && parent.isEmpty() && typeId.isEmpty()) {
            return Optional.empty();
        }
        boolean run = key.map(RunningTypes::runKey).orElse(false)
                || parent.isPresent() && parent.getAsLong() == RUNNING_PARENT_TYPE_ID
                || typeId.isPresent() && typeId.getAsLong() == RUNNING_PARENT_TYPE_ID;
        return Optional.of(run);
    }

    private static boolean runKey(String key) {
        return key.equals("running") || key.endsWith("_running") || key.startsWith("running_")
                || key.equals("virtual_run") || key.equals("ultra_run") || key.equals("treadmill")
                || key.equals("obstacle_run");
    }

    public static SportType sport(JsonNode type) {
        String key = Json.text(type, "typeKey").map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (key.contains("treadmill")) {
            return SportType.TREADMILL;
        }
        if (key.contains("indoor")) {
            return SportType.INDOOR;
        }
        if (key.contains("virtual")) {
            return SportType.VIRTUAL;
        }
        if (key.contains("trail") || key.contains("ultra") || key.contains("obstacle")) {
            return SportType.TRAIL;
        }
        if (key.contains("track")) {
            return SportType.TRACK;
        }
        if (key.equals("running") || key.contains("street") || key.contains("road")) {
            return SportType.ROAD;
        }
        return SportType.UNKNOWN;
    }
}
