package ai.pace42.garmin.normalise;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySummary;
import ai.pace42.coach.model.Lap;
import ai.pace42.coach.model.Samples;
import ai.pace42.coach.model.SessionTags;
import ai.pace42.coach.model.SportType;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Garmin payloads → the coach's {@link Activity}, or a typed problem. Never throws: every read is null-safe and a
 * last-resort guard turns anything unexpected into {@code GARMIN_BAD_DATA}.
 */
public final class ActivityNormaliser {

    public static final String SOURCE = "garmin";

    private ActivityNormaliser() {
    }

    /**
     * @param expectedOwner the linked Garmin profile id; an activity that names a different owner is refused
     */
    public static Result<Activity> normalise(GarminPayloads p, OptionalLong expectedOwner) {
        try {
            return normaliseUnsafe(p, expectedOwner == null ? OptionalLong.empty() : expectedOwner);
        } catch (RuntimeException e) {
            return Result.failed(GarminProblemCode.GARMIN_BAD_DATA, "normaliser: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The items of an activity-list body: today a bare array; the 2019-era list wrapped it as
     * {@code {"activityList": [...]}}. Empty when the body is neither.
     */
    public static Optional<JsonNode> listItems(JsonNode body) {
        if (body != null && body.isArray()) {
            return Optional.of(body);
        }
        JsonNode wrapped = Json.at(body, "activityList");
        return wrapped.isArray() ? Optional.of(wrapped) : Optional.empty();
    }

    /** A list item → header, or empty when it is not a run, is unreadable or belongs to someone else. */
    public static Optional<ActivityHeader> header(JsonNode item, OptionalLong expectedOwner) {
        try {
            if (item == null || !item.isObject() || ownerMismatch(item, expectedOwner)) {
                return Optional.empty();
            }
            Optional<String> id = Json.whole(item, "activityId").stream().mapToObj(Long::toString).findFirst();
            JsonNode type = typeNode(item);
            if (id.isEmpty() || !RunningTypes.isRun(type).orElse(false)) {
                return Optional.empty();
            }
            JsonNode s = summaryNode(item);
            OptionalDouble duration = firstPositive(s, "movingDuration", "duration");
            if (duration.isEmpty()) {
                duration = elapsedSeconds(s);
            }
            return Optional.of(new ActivityHeader(id.get(), Json.text(item, "activityName").orElse(""),
                    RunningTypes.sport(type), start(item, s), duration, Json.positive(s, "distance")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Result<Activity> normaliseUnsafe(GarminPayloads p, OptionalLong expectedOwner) {
        JsonNode a = p.activity();
        if (!a.isObject()) {
            return Result.failed(GarminProblemCode.GARMIN_BAD_DATA, "activity is " + a.getNodeType());
        }
        if (ownerMismatch(a, expectedOwner)) {
            return Result.failed(GarminProblemCode.GARMIN_OWNER_MISMATCH, "owner differs from linked profile");
        }
        JsonNode type = typeNode(a);
        if (!RunningTypes.isRun(type).orElse(true)) {
            return Result.failed(GarminProblemCode.GARMIN_NOT_A_RUN,
                    "type " + Json.text(type, "typeKey").orElse("?"));
        }
        Optional<String> id = Json.whole(a, "activityId").stream().mapToObj(Long::toString).findFirst()
                .or(() -> Json.text(a, "activityId"));
        if (id.isEmpty()) {
            return Result.failed(GarminProblemCode.GARMIN_BAD_DATA, "no activityId");
        }
        JsonNode s = summaryNode(a);
        Optional<ZonedDateTime> start = start(a, s);
        Optional<Instant> startInstant = start.map(ZonedDateTime::toInstant);

        JsonNode lapDtos = Json.at(p.splits(), "lapDTOs");
        if (!lapDtos.isArray()) {
            lapDtos = Json.at(a, "lapDTOs");
        }
        List<Lap> laps = LapsNormaliser.normalise(lapDtos, startInstant);
        Samples samples = p.detailRows() != null ? SamplesNormaliser.normalise(p.detailRows())
                : SamplesNormaliser.normalise(p.details());

        OptionalDouble moving = firstPositive(s, "movingDuration", "duration");
        OptionalDouble elapsed = elapsedSeconds(s);
        if (elapsed.isEmpty()) {
            elapsed = firstPositive(s, "duration");
        }
        OptionalDouble distance = Json.positive(s, "distance");
        if (moving.isEmpty() && !laps.isEmpty()) {
            moving = OptionalDouble.of(laps.stream().mapToDouble(Lap::durationS).sum()); // N9, N11
        }
        if (distance.isEmpty() && laps.stream().anyMatch(l -> l.distanceM().isPresent())) {
            distance = OptionalDouble.of(laps.stream().mapToDouble(l -> l.distanceM().orElse(0)).sum());
        }
        if (distance.isEmpty() && samples.hasDistance()) {
            distance = lastFinite(samples.distanceM());
        }
        if (moving.isEmpty() && samples.size() > 1) {
            double span = samples.elapsedS()[samples.size() - 1];
            moving = span > 0 ? OptionalDouble.of(span) : OptionalDouble.empty();
        }
        if (elapsed.isEmpty()) {
            elapsed = moving;
        }
        // N8/N14: a run with no time, no distance and no samples is nothing to analyse, not a "0 km run".
        if (moving.isEmpty() && distance.isEmpty() && samples.isEmpty()) {
            return Result.failed(GarminProblemCode.GARMIN_NO_DATA, "no duration, distance, laps or samples");
        }

        ActivitySummary summary = new ActivitySummary(
                heartRate(s, "averageHR"), heartRate(s, "maxHR"),
                cadence(s), Json.number(s, "elevationGain").stream().filter(v -> v >= 0).findFirst(),
                Json.number(s, "elevationLoss").stream().filter(v -> v >= 0).findFirst(),
                WeatherNormaliser.temperatureC(p.weather()), WeatherNormaliser.conditions(p.weather()),
                HrZonesNormaliser.times(p.hrZones()));
        SportType sport = RunningTypes.sport(type);
        return Result.ok(new Activity(id.get(), SOURCE, Json.text(a, "activityName").orElse(""), sport, start,
                elapsed, moving, distance, summary, samples, laps, tags(a, s)));
    }

    private static JsonNode typeNode(JsonNode a) {
        JsonNode t = Json.at(a, "activityTypeDTO");
        return t.isObject() ? t : Json.at(a, "activityType");
    }

    /** Detail payloads nest values in {@code summaryDTO} (N1, N3); list items are flat; N6 has neither. */
    private static JsonNode summaryNode(JsonNode a) {
        JsonNode s = Json.at(a, "summaryDTO");
        return s.isObject() ? s : a;
    }

    static boolean ownerMismatch(JsonNode a, OptionalLong expectedOwner) {
        if (expectedOwner == null || expectedOwner.isEmpty()) {
            return false;
        }
        OptionalLong owner = Json.whole(a, "ownerId");
        if (owner.isEmpty()) {
            owner = Json.whole(a, "userProfileId");
        }
        return owner.isPresent() && owner.getAsLong() != expectedOwner.getAsLong();
    }

    /** Start in the zone it was recorded in: named zone, else the local-minus-GMT offset, else UTC. */
    static Optional<ZonedDateTime> start(JsonNode a, JsonNode s) {
        Optional<Instant> gmt = GarminTimes.instant(Json.at(s, "startTimeGMT"))
                .or(() -> GarminTimes.instant(Json.at(a, "startTimeGMT")))
                .or(() -> GarminTimes.instant(Json.at(a, "beginTimestamp")));
        Optional<LocalDateTime> local = GarminTimes.local(Json.at(s, "startTimeLocal"))
                .or(() -> GarminTimes.local(Json.at(a, "startTimeLocal")));
        Optional<ZoneId> named = Json.text(a, "timeZoneUnitDTO", "timeZone").flatMap(ActivityNormaliser::zone);
        if (gmt.isPresent()) {
            ZoneId z = named.orElseGet(() -> local.map(l -> offset(l, gmt.get())).orElse(ZoneOffset.UTC));
            return Optional.of(gmt.get().atZone(z));
        }
        return local.map(l -> l.atZone(named.orElse(ZoneOffset.UTC)));
    }

    private static ZoneId offset(LocalDateTime local, Instant gmt) {
        long seconds = Duration.between(gmt, local.toInstant(ZoneOffset.UTC)).getSeconds();
        long quarterHours = Math.round(seconds / 900.0);
        if (Math.abs(quarterHours) > 18 * 4) {
            return ZoneOffset.UTC;
        }
        return ZoneOffset.ofTotalSeconds((int) quarterHours * 900);
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code elapsedDuration} in seconds. Older list shapes (2019-era web list) give it in milliseconds next to
     * {@code duration} in seconds; a value a hundred times the timer time, or more than two days, is read as ms.
     */
    static OptionalDouble elapsedSeconds(JsonNode s) {
        OptionalDouble raw = Json.positive(s, "elapsedDuration");
        if (raw.isEmpty()) {
            return raw;
        }
        double v = raw.getAsDouble();
        double timer = firstPositive(s, "duration", "movingDuration").orElse(Double.NaN);
        boolean millis = timer > 0 ? v > 100 * timer : v > 2 * 24 * 3600;
        return OptionalDouble.of(millis ? v / 1000.0 : v);
    }

    private static OptionalDouble firstPositive(JsonNode n, String... keys) {
        return LapsNormaliser.firstPositive(n, keys);
    }

    private static OptionalDouble heartRate(JsonNode s, String key) {
        OptionalDouble v = Json.number(s, key);
        return v.isPresent() && v.getAsDouble() > 20 && v.getAsDouble() < 260 ? v : OptionalDouble.empty();
    }

    /** Detail and list use different names for the same steps/min (N5). */
    private static OptionalDouble cadence(JsonNode s) {
        OptionalDouble v = firstPositive(s, "averageRunCadence", "averageRunningCadenceInStepsPerMinute");
        return v.isPresent() && v.getAsDouble() < 400 ? v : OptionalDouble.empty();
    }

    private static SessionTags tags(JsonNode a, JsonNode s) {
        String event = Json.text(a, "eventTypeDTO", "typeKey").or(() -> Json.text(a, "eventType", "typeKey"))
                .orElse("");
        return event.equalsIgnoreCase("race") ? SessionTags.raceTag() : SessionTags.none();
    }

    private static OptionalDouble lastFinite(double[] v) {
        for (int i = v.length - 1; i >= 0; i--) {
            if (!Double.isNaN(v[i]) && v[i] > 0) {
                return OptionalDouble.of(v[i]);
            }
        }
        return OptionalDouble.empty();
    }
}
