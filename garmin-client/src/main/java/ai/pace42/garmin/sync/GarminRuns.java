package ai.pace42.garmin.sync;

import ai.pace42.coach.model.Activity;
import ai.pace42.garmin.GarminProblem;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.api.ConnectApiClient;
import ai.pace42.garmin.normalise.ActivityNormaliser;
import ai.pace42.garmin.normalise.DetailRows;
import ai.pace42.garmin.normalise.GarminPayloads;
import ai.pace42.garmin.normalise.Json;
import ai.pace42.garmin.normalise.RunningTypes;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Fetches one run from Garmin and maps it: the list item (or the activity itself), its detail rows, and the laps,
 * weather and time in zones that enrich it. A run is cached once complete; a failure of an enrichment only leaves
 * it out, a failure of the details (other than "none exist") caches nothing.
 */
final class GarminRuns {

    private final ConnectApiClient client;
    private final AccountCache cache;
    private final Supplier<OptionalLong> owner;

    GarminRuns(ConnectApiClient client, AccountCache cache, Supplier<OptionalLong> owner) {
        this.client = client;
        this.cache = cache;
        this.owner = owner;
    }

    Optional<Activity> listedSummary(String activityId) {
        Optional<AccountCache.ListedRun> listed = cache.listed(activityId);
        OptionalLong owner = this.owner.get();
        if (listed.isEmpty() || owner.isEmpty()) {
            return Optional.empty();
        }
        Result<Activity> activity = ActivityNormaliser.normalise(
                GarminPayloads.of(listed.get().listItem()).withDetailRows(DetailRows.empty()), owner);
        return activity.isOk() ? Optional.of(activity.value()) : Optional.empty();
    }

    /** The run from the cache, or fetched (list item or activity, details, laps, weather, zones) and cached. */
    Result<Activity> load(String activityId) {
        Optional<Activity> cached = cache.activity(activityId);
        if (cached.isPresent()) {
            return Result.ok(cached.get());
        }
        OptionalLong owner = this.owner.get();
        if (owner.isEmpty()) {
            return Result.failed(GarminProblemCode.GARMIN_NOT_LINKED, "no identity");
        }
        JsonNode summary;
        Optional<AccountCache.ListedRun> listed = cache.listed(activityId);
        if (listed.isPresent()) {
            summary = listed.get().listItem();
        } else {
            Result<JsonNode> detail = client.activity(activityId);
            if (!detail.isOk()) {
                return Result.failed(detail.problem());
            }
            summary = detail.value();
        }
        Result<DetailRows> details = client.detailRows(activityId);
        DetailRows samples = DetailRows.empty();
        if (details.isOk()) {
            samples = details.value();
        } else if (!tolerable(details.problem())) {
            return Result.failed(details.problem()); // do not cache a half activity because Garmin hiccupped
        }
        Result<Activity> activity = ActivityNormaliser.normalise(GarminPayloads.of(summary).withDetailRows(samples)
                .withSplits(optional(client.splits(activityId))).withWeather(weather(summary, activityId))
                .withHrZones(optional(client.hrTimeInZones(activityId))), owner);
        if (activity.isOk()) {
            cache.putActivity(activity.value()); // laps, weather and zones are cached with it: once per run
        }
        return activity;
    }

    /** Laps, weather and Garmin's time in zones enrich a run; without them it is still the same run, so a failure only leaves them out. */
    private static JsonNode optional(Result<JsonNode> r) {
        return r.isOk() ? r.value() : null;
    }

    /** Treadmill and indoor runs have no weather (Garmin answers 404 or an all-null body): no call for them. */
    private JsonNode weather(JsonNode summary, String activityId) {
        JsonNode type = Json.at(summary, "activityTypeDTO").isObject() ? Json.at(summary, "activityTypeDTO")
                : Json.at(summary, "activityType");
        return RunningTypes.sport(type).indoor() ? null : optional(client.weather(activityId));
    }

    /** Manual and some indoor activities have no details; that is a run without samples, not a failure. */
    private static boolean tolerable(GarminProblem p) {
        return p.code() == GarminProblemCode.GARMIN_NO_DATA || p.code() == GarminProblemCode.GARMIN_NOT_FOUND;
    }
}
