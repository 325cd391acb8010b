package ai.pace42.garmin.sync;

import ai.pace42.garmin.Result;
import ai.pace42.garmin.api.ConnectApiClient;
import ai.pace42.garmin.normalise.WellnessNormaliser;
import ai.pace42.garmin.normalise.WellnessNormaliser.HrvNight;
import ai.pace42.garmin.normalise.WellnessNormaliser.RacePredictions;
import ai.pace42.garmin.normalise.WellnessNormaliser.SleepNight;
import ai.pace42.garmin.normalise.WellnessNormaliser.TrainingStatus;

import java.time.LocalDate;

/**
 * One account's enrichment data, fetched on demand (one call each, not cached): only for answers that need it.
 */
public final class GarminInsights {

    private final ConnectApiClient client;

    GarminInsights(ConnectApiClient client) {
        this.client = client;
    }

    public Result<TrainingStatus> trainingStatus(LocalDate date) {
        return client.trainingStatus(date).flatMap(WellnessNormaliser::trainingStatus);
    }

    /** Needs the Garmin display name, which may be a UUID or empty on new accounts. */
    public Result<RacePredictions> racePredictions() {
        String name = client.session().identity().map(i -> i.displayName()).orElse("");
        if (name.isBlank()) {
            return Result.failed(ai.pace42.garmin.GarminProblemCode.GARMIN_NO_DATA, "no display name");
        }
        return client.racePredictions(name).flatMap(WellnessNormaliser::racePredictions);
    }

    public Result<WellnessNormaliser.ReadinessSnapshot> readiness(LocalDate date) {
        return client.trainingReadiness(date).flatMap(WellnessNormaliser::readiness);
    }

    public Result<HrvNight> hrv(LocalDate date) {
        return client.hrv(date).flatMap(WellnessNormaliser::hrv);
    }

    public Result<SleepNight> sleep(LocalDate date) {
        return client.sleep(date).flatMap(WellnessNormaliser::sleep);
    }
}
