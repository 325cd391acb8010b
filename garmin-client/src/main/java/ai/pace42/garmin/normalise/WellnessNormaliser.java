package ai.pace42.garmin.normalise;

import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Enrichment payloads (training status / VO2max, race predictions, HRV, sleep) → small typed values. Garmin's
 * "no data" shapes (204, {@code []}, null-filled DTOs, 1970 dates) all become {@code GARMIN_NO_DATA}.
 */
public final class WellnessNormaliser {

    /** Garmin's predicted race times in seconds; any may be missing. */
    public record RacePredictions(OptionalDouble fiveKS, OptionalDouble tenKS, OptionalDouble halfMarathonS,
                                  OptionalDouble marathonS) {
    }

    /** Overnight HRV in ms and Garmin's status word (BALANCED, LOW, UNBALANCED…). */
    public record HrvNight(OptionalDouble lastNightAvgMs, OptionalDouble weeklyAvgMs, String status) {
    }

    /** One night's sleep: seconds asleep and Garmin's 0–100 score when given. */
    public record SleepNight(double sleepS, OptionalDouble score) {
    }

    /** Training status of the primary device: VO2max and Garmin's status phrase (e.g. PRODUCTIVE_6). */
    public record TrainingStatus(OptionalDouble vo2max, Optional<String> statusPhrase) {
    }

    /** Morning Training Readiness: score 0–100 and Garmin's level (LOW, MODERATE, HIGH…). */
    public record ReadinessSnapshot(java.util.OptionalInt score, String level) {
    }

    private WellnessNormaliser() {
    }

    /**
     * {@code trainingreadiness/{date}} → the morning snapshot ({@code inputContext == AFTER_WAKEUP_RESET}, else the
     * first). Garmin sends an array, sometimes a single object, and {@code []} when there is none.
     */
    public static Result<ReadinessSnapshot> readiness(JsonNode j) {
        JsonNode chosen = null;
        if (j != null && j.isArray()) {
            for (JsonNode e : j) {
                if (!e.isObject()) {
                    continue;
                }
                if (chosen == null || "AFTER_WAKEUP_RESET".equals(Json.text(e, "inputContext").orElse(""))) {
                    chosen = e;
                }
                if ("AFTER_WAKEUP_RESET".equals(Json.text(e, "inputContext").orElse(""))) {
                    break;
                }
            }
        } else if (j != null && j.isObject()) {
            chosen = j;
        }
        var score = Json.whole(chosen, "score");
        String level = Json.text(chosen, "level").orElse("");
        if (chosen == null || (score.isEmpty() && level.isEmpty())) {
            return Result.failed(GarminProblemCode.GARMIN_NO_DATA, "no training readiness");
        }
        java.util.OptionalInt s = score.isPresent() && score.getAsLong() >= 0 && score.getAsLong() <= 100
                ? java.util.OptionalInt.of((int) score.getAsLong()) : java.util.OptionalInt.empty();
        return Result.ok(new ReadinessSnapshot(s, level));
    }

    public static Result<TrainingStatus> trainingStatus(JsonNode j) {
        OptionalDouble vo2 = Json.positive(j, "mostRecentVO2Max", "generic", "vo2MaxPreciseValue");
        if (vo2.isEmpty()) {
            vo2 = Json.positive(j, "mostRecentVO2Max", "generic", "vo2MaxValue");
        }
        if (vo2.isPresent() && (vo2.getAsDouble() < 15 || vo2.getAsDouble() > 95)) {
            vo2 = OptionalDouble.empty();
        }
        Optional<String> phrase = Optional.empty();
        JsonNode byDevice = Json.at(j, "mostRecentTrainingStatus", "latestTrainingStatusData");
        if (byDevice.isObject()) {
            // Keyed by device id as a string; the primary training device speaks for the runner.
            JsonNode chosen = null;
            for (Iterator<JsonNode> it = byDevice.elements(); it.hasNext(); ) {
                JsonNode d = it.next();
                if (chosen == null || Json.flag(d, "primaryTrainingDevice")) {
                    chosen = d;
                }
            }
            phrase = Json.text(chosen, "trainingStatusFeedbackPhrase");
        }
        if (vo2.isEmpty() && phrase.isEmpty()) {
            return Result.failed(GarminProblemCode.GARMIN_NO_DATA, "no training status");
        }
        return Result.ok(new TrainingStatus(vo2, phrase));
    }

    public static Result<RacePredictions> racePredictions(JsonNode j) {
        JsonNode p = j != null && j.isArray() && !j.isEmpty() ? j.get(j.size() - 1) : j;
        RacePredictions r = new RacePredictions(Json.positive(p, "time5K"), Json.positive(p, "time10K"),
                Json.positive(p, "timeHalfMarathon"), Json.positive(p, "timeMarathon"));
        if (r.fiveKS().isEmpty() && r.tenKS().isEmpty() && r.halfMarathonS().isEmpty() && r.marathonS().isEmpty()) {
            return Result.failed(GarminProblemCode.GARMIN_NO_DATA, "no race predictions");
        }
        return Result.ok(r);
    }

    public static Result<HrvNight> hrv(JsonNode j) {
        JsonNode s = Json.at(j, "hrvSummary");
        OptionalDouble last = Json.positive(s, "lastNightAvg");
        if (last.isEmpty()) {
            last = Json.positive(s, "lastNight"); // older shape
        }
        OptionalDouble weekly = Json.positive(s, "weeklyAvg");
        if (last.isEmpty() && weekly.isEmpty()) {
            return Result.failed(GarminProblemCode.GARMIN_NO_DATA, "no HRV");
        }
        return Result.ok(new HrvNight(last, weekly, Json.text(s, "status").orElse("")));
    }

    public static Result<SleepNight> sleep(JsonNode j) {
        JsonNode d = Json.at(j, "dailySleepDTO");
        OptionalDouble secs = Json.positive(d, "sleepTimeSeconds");
        if (secs.isEmpty()) {
            return Result.failed(GarminProblemCode.GARMIN_NO_DATA, "no sleep");
        }
        OptionalDouble score = Json.number(d, "sleepScores", "overall", "value");
        if (score.isPresent() && (score.getAsDouble() < 0 || score.getAsDouble() > 100)) {
            score = OptionalDouble.empty();
        }
        return Result.ok(new SleepNight(secs.getAsDouble(), score));
    }
}
