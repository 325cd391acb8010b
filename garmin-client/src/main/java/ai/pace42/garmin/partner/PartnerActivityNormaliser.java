package ai.pace42.garmin.partner;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivitySummary;
import ai.pace42.coach.model.SessionTags;
import ai.pace42.coach.model.SportType;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.normalise.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An Activity API summary from the Developer Program (self-describing names: {@code durationInSeconds},
 * {@code distanceInMeters}, {@code startTimeOffsetInSeconds} …) → the coach model. The owner is the partner
 * {@code userId}; a summary for another user is refused.
 */
public final class PartnerActivityNormaliser {

    public static final String SOURCE = "garmin";

    private PartnerActivityNormaliser() {
    }

    public static Result<Activity> normalise(JsonNode s, String expectedUserId) {
        try {
            if (s == null || !s.isObject()) {
                return Result.failed(GarminProblemCode.GARMIN_BAD_DATA, "summary not an object");
            }
            Optional<String> user = Json.text(s, "userId");
            if (user.isPresent() && !user.get().equals(expectedUserId)) {
                return Result.failed(GarminProblemCode.GARMIN_OWNER_MISMATCH, "partner userId differs");
            }
            String type = Json.text(s, "activityType").orElse("").toUpperCase(Locale.ROOT);
            if (!type.isEmpty() && !type.contains("RUN")) {
                return Result.failed(GarminProblemCode.GARMIN_NOT_A_RUN, "type " + type);
            }
            Optional<String> id = Json.text(s, "activityId").or(() -> Json.text(s, "summaryId"));
            if (id.isEmpty()) {
                return Result.failed(GarminProblemCode.GARMIN_BAD_DATA, "no activityId or summaryId");
            }
            OptionalDouble duration = Json.positive(s, "durationInSeconds");
            OptionalDouble distance = Json.positive(s, "distanceInMeters");
            if (duration.isEmpty() && distance.isEmpty()) {
                return Result.failed(GarminProblemCode.GARMIN_NO_DATA, "no duration or distance");
            }
            Optional<ZonedDateTime> start = Json.whole(s, "startTimeInSeconds").stream()
                    .filter(v -> v > 631152000L) // after 1990
                    .mapToObj(v -> {
                        long offset = Json.whole(s, "startTimeOffsetInSeconds").orElse(0);
                        ZoneOffset z = Math.abs(offset) <= 18 * 3600 ? ZoneOffset.ofTotalSeconds((int) offset)
                                : ZoneOffset.UTC;
                        return Instant.ofEpochSecond(v).atZone(z);
                    }).findFirst();
            OptionalDouble hr = Json.positive(s, "averageHeartRateInBeatsPerMinute");
            OptionalDouble maxHr = Json.positive(s, "maxHeartRateInBeatsPerMinute");
            OptionalDouble cadence = Json.positive(s, "averageRunCadenceInStepsPerMinute");
            ActivitySummary summary = new ActivitySummary(hr, maxHr, cadence,
                    Json.positive(s, "totalElevationGainInMeters"), Json.positive(s, "totalElevationLossInMeters"),
                    OptionalDouble.empty());
            return Result.ok(new Activity(id.get(), SOURCE, Json.text(s, "activityName").orElse(""), sport(type),
                    start, duration, duration, distance, summary, null, null, SessionTags.none()));
        } catch (RuntimeException e) {
            return Result.failed(GarminProblemCode.GARMIN_BAD_DATA, "partner summary: " + e.getClass().getSimpleName());
        }
    }

    private static SportType sport(String type) {
        if (type.contains("TREADMILL")) {
            return SportType.TREADMILL;
        }
        if (type.contains("INDOOR")) {
            return SportType.INDOOR;
        }
        if (type.contains("TRAIL")) {
            return SportType.TRAIL;
        }
        if (type.contains("TRACK")) {
            return SportType.TRACK;
        }
        if (type.contains("VIRTUAL")) {
            return SportType.VIRTUAL;
        }
        return type.equals("RUNNING") || type.contains("STREET") ? SportType.ROAD : SportType.UNKNOWN;
    }
}
