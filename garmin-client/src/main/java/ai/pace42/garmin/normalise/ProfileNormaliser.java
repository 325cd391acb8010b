package ai.pace42.garmin.normalise;

import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.model.Sex;
import ai.pace42.coach.model.Sourced;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.auth.GarminIdentity;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Optional;

/** socialProfile → identity; user-settings → what the coach may use (VO2max, LTHR, sex, units). */
public final class ProfileNormaliser {

    private ProfileNormaliser() {
    }

    public static Result<GarminIdentity> identity(JsonNode social) {
        var id = Json.whole(social, "profileId");
        if (id.isEmpty()) {
            id = Json.whole(social, "id");
        }
        if (id.isEmpty() || id.getAsLong() <= 0) {
            return Result.failed(GarminProblemCode.GARMIN_AUTH_FAILED, "profile without profileId");
        }
        return Result.ok(new GarminIdentity(id.getAsLong(), Json.text(social, "displayName").orElse(""),
                Json.text(social, "fullName").orElse("")));
    }

    /**
     * Garmin's own estimates count as {@code ESTIMATED} (the model has no "from the device" source yet).
     */
    public static AthleteProfile athlete(JsonNode settings) {
        JsonNode d = Json.at(settings, "userData");
        AthleteProfile p = AthleteProfile.unknown();
        var vo2 = Json.number(d, "vo2MaxRunning");
        if (vo2.isPresent() && vo2.getAsDouble() > 15 && vo2.getAsDouble() < 95) {
            p = p.withVo2max(Sourced.estimated(vo2.getAsDouble()));
        }
        var lthr = Json.number(d, "lactateThresholdHeartRate");
        if (lthr.isPresent() && lthr.getAsDouble() > 80 && lthr.getAsDouble() < 230) {
            p = p.withLactateThresholdHeartRate(Sourced.estimated(lthr.getAsDouble()));
        }
        Optional<String> gender = Json.text(d, "gender").map(s -> s.toUpperCase(Locale.ROOT));
        if (gender.isPresent() && (gender.get().equals("MALE") || gender.get().equals("FEMALE"))) {
            p = p.withSex(Sourced.userSet(Sex.valueOf(gender.get())));
        }
        Optional<UnitSystem> units = Json.text(d, "measurementSystem").flatMap(ProfileNormaliser::units);
        if (units.isPresent()) {
            p = new AthleteProfile(p.maxHeartRate(), p.restingHeartRate(), p.lactateThresholdHeartRate(),
                    p.thresholdPaceSPerKm(), p.vdot(), p.vo2max(), p.sex(), units, p.zone());
        }
        return p;
    }

    private static Optional<UnitSystem> units(String system) {
        String s = system.toLowerCase(Locale.ROOT);
        if (s.startsWith("statute")) {
            return Optional.of(UnitSystem.IMPERIAL);
        }
        return s.equals("metric") ? Optional.of(UnitSystem.METRIC) : Optional.empty();
    }
}
