package ai.pace42.garmin.normalise;

import ai.pace42.coach.model.Lap;
import ai.pace42.coach.model.LapIntensity;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code lapDTOs} → laps. A lap without a usable duration is dropped (N10) rather than guessed; a lap distance of 0
 * is "no foot pod", kept as an absent distance (N28); lap start comes from {@code startTimeGMT} when it is there
 * and from the running sum of durations otherwise.
 */
public final class LapsNormaliser {

    private LapsNormaliser() {
    }

    public static List<Lap> normalise(JsonNode lapDtos, Optional<Instant> activityStart) {
        List<Lap> laps = new ArrayList<>();
        if (!lapDtos.isArray()) {
            return laps;
        }
        double runningStart = 0;
        for (JsonNode dto : lapDtos) {
            if (!dto.isObject()) {
                continue;
            }
            OptionalDouble duration = firstPositive(dto, "duration", "movingDuration", "elapsedDuration");
            if (duration.isEmpty()) {
                continue;
            }
            double start = runningStart;
            Optional<Instant> lapStart = GarminTimes.instant(Json.at(dto, "startTimeGMT"));
            if (lapStart.isPresent() && activityStart.isPresent()) {
                double s = Duration.between(activityStart.get(), lapStart.get()).toMillis() / 1000.0;
                if (s >= 0 && s < 7 * 24 * 3600) {
                    start = s;
                }
            }
            double elapsed = firstPositive(dto, "elapsedDuration", "duration").orElse(duration.getAsDouble());
            runningStart = start + Math.max(elapsed, duration.getAsDouble());
            laps.add(new Lap(start, duration.getAsDouble(), Json.positive(dto, "distance"),
                    intensity(Json.text(dto, "intensityType").orElse(""))));
        }
        return laps;
    }

    static OptionalDouble firstPositive(JsonNode node, String... keys) {
        for (String k : keys) {
            OptionalDouble v = Json.positive(node, k);
            if (v.isPresent()) {
                return v;
            }
        }
        return OptionalDouble.empty();
    }

    static LapIntensity intensity(String type) {
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "ACTIVE", "INTERVAL" -> LapIntensity.ACTIVE;
            case "REST", "RECOVERY" -> LapIntensity.REST;
            case "WARMUP" -> LapIntensity.WARMUP;
            case "COOLDOWN" -> LapIntensity.COOLDOWN;
            default -> LapIntensity.UNKNOWN;
        };
    }
}
