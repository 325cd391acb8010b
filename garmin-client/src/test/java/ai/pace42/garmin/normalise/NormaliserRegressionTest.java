package ai.pace42.garmin.normalise;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.LapIntensity;
import ai.pace42.coach.model.SportType;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.OptionalLong;

import static ai.pace42.garmin.Fixtures.OWNER;
import static ai.pace42.garmin.Fixtures.activityDetail;
import static ai.pace42.garmin.Fixtures.details;
import static ai.pace42.garmin.Fixtures.json;
import static ai.pace42.garmin.Fixtures.listItem;
import static ai.pace42.garmin.Fixtures.splits;
import static ai.pace42.garmin.Fixtures.weather;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** One test per failure case of the prototype (prior-art §4.3) that applies to a Garmin normaliser. */
class NormaliserRegressionTest {

    private static final long ID = 21482825013L; // longer than an int (§4.14)

    private static ObjectNode detail() {
        return (ObjectNode) json(activityDetail(ID));
    }

    private static ObjectNode summary(ObjectNode detail) {
        return (ObjectNode) detail.get("summaryDTO");
    }

    private static Activity ok(GarminPayloads p) {
        Result<Activity> r = ActivityNormaliser.normalise(p, OptionalLong.of(OWNER));
        assertThat(r.isOk()).as(() -> "expected an activity, got " + (r.isOk() ? "" : r.problem())).isTrue();
        return r.value();
    }

    private static GarminProblemCode problem(GarminPayloads p) {
        Result<Activity> r = ActivityNormaliser.normalise(p, OptionalLong.of(OWNER));
        assertThat(r.isOk()).isFalse();
        return r.problem().code();
    }

    @Test
    void n01_start_time_is_read_from_summaryDTO_in_the_recorded_zone() {
        Activity a = ok(GarminPayloads.of(detail()));
        assertThat(a.start()).contains(ZonedDateTime.of(2026, 1, 8, 8, 10, 21, 0, ZoneId.of("America/Costa_Rica")));
        assertThat(a.id()).isEqualTo("21482825013");
    }

    @Test
    void n02_one_digit_fraction_and_other_time_formats_parse() {
        for (String t : new String[]{"2026-01-23T12:39:22.0", "2026-01-23 12:39:22", "2026-01-23T12:39:22.898",
            "2026-01-23T12:39:22.000+0000", "2026-01-23T12:39:22.000+00:00", "2026-01-23T12:39:22Z"}) {
            assertThat(GarminTimes.instant(json("\"" + t + "\""))).as(t)
                    .hasValueSatisfying(i -> assertThat(i.toString()).startsWith("2026-01-23T12:39:22"));
        }
        assertThat(GarminTimes.instant(json("1767881421000"))).hasValueSatisfying(
                i -> assertThat(i.toString()).isEqualTo("2026-01-08T14:10:21Z"));
        assertThat(GarminTimes.instant(json("\"1970-01-01T00:00:00.000\""))).isEmpty();
        assertThat(GarminTimes.instant(json("\"yesterday\""))).isEmpty();
    }

    @Test
    void n03_metrics_are_read_from_summaryDTO_not_the_top_level() {
        Activity a = ok(GarminPayloads.of(detail()));
        assertThat(a.distanceM().getAsDouble()).isEqualTo(4261.19);
        assertThat(a.summary().averageHeartRate().getAsDouble()).isEqualTo(142.0);
    }

    @Test
    void n04_laps_come_from_lapDTOs() {
        Activity a = ok(GarminPayloads.of(detail()).withSplits(json(splits(ID))));
        assertThat(a.laps()).hasSize(2);
        assertThat(a.laps().get(1).startS()).isEqualTo(1502.0);
        assertThat(a.laps().get(1).intensity()).isEqualTo(LapIntensity.COOLDOWN);
    }

    @Test
    void n05_list_and_detail_cadence_names_both_work() {
        assertThat(ok(GarminPayloads.of(detail())).summary().averageCadenceSpm().getAsDouble()).isEqualTo(111.73);
        Activity fromList = ok(GarminPayloads.of(json(listItem(ID, "running", 17, "2026-01-08 14:10:21"))));
        assertThat(fromList.summary().averageCadenceSpm().getAsDouble()).isEqualTo(172.4);
    }

    @Test
    void n06_missing_summaryDTO_with_laps_at_the_top_level_uses_the_laps() {
        ObjectNode d = detail();
        d.remove("summaryDTO");
        d.set("lapDTOs", json(splits(ID)).get("lapDTOs"));
        Activity a = ok(GarminPayloads.of(d));
        assertThat(a.movingS().getAsDouble()).isCloseTo(2223.327, within(1e-6));
        assertThat(a.distanceM().getAsDouble()).isCloseTo(4261.19, within(1e-6));
    }

    @Test
    void n07_empty_laps_with_a_valid_summary_is_a_run_without_laps() {
        Activity a = ok(GarminPayloads.of(detail()).withSplits(json("{\"lapDTOs\":[]}")));
        assertThat(a.laps()).isEmpty();
        assertThat(a.distanceM()).isPresent();
    }

    @Test
    void n08_zero_distance_and_duration_without_laps_is_no_data_not_a_zero_run() {
        ObjectNode d = detail();
        summary(d).put("distance", 0).put("duration", 0).put("movingDuration", 0).put("elapsedDuration", 0);
        assertThat(problem(GarminPayloads.of(d))).isEqualTo(GarminProblemCode.GARMIN_NO_DATA);
    }

    @Test
    void n09_only_duration_present_still_gives_an_activity_without_a_made_up_distance() {
        ObjectNode d = detail();
        summary(d).remove("distance");
        Activity a = ok(GarminPayloads.of(d));
        assertThat(a.distanceM()).isEmpty();
        assertThat(a.movingS().getAsDouble()).isEqualTo(2216.0);
    }

    @Test
    void n10_laps_with_junk_durations_are_skipped() {
        JsonNode s = json("{\"lapDTOs\":[{\"distance\":\"abc\",\"duration\":null},{\"distance\":1000,\"duration\":\"300.5\"},"
                + "{\"duration\":-4},{\"distance\":1000,\"duration\":310}]}");
        Activity a = ok(GarminPayloads.of(detail()).withSplits(s));
        assertThat(a.laps()).hasSize(2);
        assertThat(a.laps().get(0).durationS()).isEqualTo(300.5);
        assertThat(a.laps().get(1).startS()).isEqualTo(300.5);
    }

    @Test
    void n11_zero_summary_and_a_lap_with_null_distance_sums_safely() {
        ObjectNode d = detail();
        summary(d).put("distance", 0).put("duration", 0).remove("movingDuration");
        JsonNode s = json("{\"lapDTOs\":[{\"distance\":null,\"duration\":600},{\"distance\":2000,\"duration\":620}]}");
        Activity a = ok(GarminPayloads.of(d).withSplits(s));
        assertThat(a.distanceM().getAsDouble()).isEqualTo(2000);
        assertThat(a.movingS().getAsDouble()).isEqualTo(1220);
    }

    @Test
    void n12_all_top_level_parts_null_is_a_typed_problem() {
        JsonNode d = json("{\"activityId\":1,\"activityName\":null,\"activityTypeDTO\":null,\"summaryDTO\":null,"
                + "\"lapDTOs\":null}");
        assertThat(problem(GarminPayloads.of(d))).isEqualTo(GarminProblemCode.GARMIN_NO_DATA);
    }

    @Test
    void n13_activity_as_a_json_string_or_raw_text_wrapper_is_unwrapped() {
        String quoted = Fixtures_quote(activityDetail(ID));
        assertThat(PayloadReader.read(quoted).isOk()).isTrue();
        assertThat(ok(GarminPayloads.of(PayloadReader.read(quoted).value())).id()).isEqualTo("21482825013");
        String wrapped = "{\"raw_text\":" + quoted + "}";
        assertThat(ok(GarminPayloads.of(PayloadReader.read(wrapped).value())).distanceM()).isPresent();
    }

    @Test
    void n14_plain_text_errors_are_typed_problems_never_zero_runs() {
        assertThat(PayloadReader.read("Error retrieving activity: 429 Too Many Requests").problem().code())
                .isEqualTo(GarminProblemCode.GARMIN_RATE_LIMITED);
        assertThat(PayloadReader.read("No activity found with id 5").problem().code())
                .isEqualTo(GarminProblemCode.GARMIN_NOT_FOUND);
        assertThat(PayloadReader.read("Something odd").problem().code())
                .isEqualTo(GarminProblemCode.GARMIN_BAD_DATA);
        assertThat(PayloadReader.read("<html><title>Access denied | sso.garmin.com used Cloudflare to restrict "
                + "access</title>error 1015</html>").problem().code()).isEqualTo(GarminProblemCode.GARMIN_RATE_LIMITED);
        assertThat(PayloadReader.read("").problem().code()).isEqualTo(GarminProblemCode.GARMIN_NO_DATA);
    }

    @Test
    void n16_null_training_effect_does_not_matter() {
        ObjectNode d = detail();
        summary(d).putNull("trainingEffect").putNull("anaerobicTrainingEffect");
        assertThat(ok(GarminPayloads.of(d)).distanceM()).isPresent();
    }

    @Test
    void n17_n18_lap_and_summary_hr_null_or_string() {
        ObjectNode d = detail();
        summary(d).putNull("averageHR").put("maxHR", "171");
        JsonNode s = json("{\"lapDTOs\":[{\"distance\":1000,\"duration\":300,\"averageHR\":null},"
                + "{\"distance\":1000,\"duration\":300,\"averageHR\":\"150\"}]}");
        Activity a = ok(GarminPayloads.of(d).withSplits(s));
        assertThat(a.summary().averageHeartRate()).isEmpty();
        assertThat(a.summary().maxHeartRate().getAsDouble()).isEqualTo(171);
        assertThat(a.laps()).hasSize(2);
    }

    @Test
    void n19_n20_n21_hr_zones_null_seconds_string_entries_and_all_five_zones() {
        var zones = HrZonesNormaliser.normalise(json("[{\"zoneNumber\":1,\"secsInZone\":null,\"zoneLowBoundary\":109},"
                + "{\"zoneNumber\":2,\"secsInZone\":\"120.5\",\"zoneLowBoundary\":127},\"junk\","
                + "{\"zoneNumber\":3,\"secsInZone\":900.0,\"zoneLowBoundary\":145},"
                + "{\"zoneNumber\":4,\"secsInZone\":300.0,\"zoneLowBoundary\":163},"
                + "{\"zoneNumber\":5,\"secsInZone\":0.0,\"zoneLowBoundary\":181}]"));
        assertThat(zones).hasSize(5);
        assertThat(zones.get(0).seconds()).isZero();
        assertThat(zones.get(1).seconds()).isEqualTo(120.5);
        assertThat(zones.get(4).lowBpm()).hasValue(181);
        assertThat(HrZonesNormaliser.normalise(json("{\"zones\":\"nope\"}"))).isEmpty();
    }

    @Test
    void n22_weather_as_a_list_is_ignored() {
        Activity a = ok(GarminPayloads.of(detail()).withWeather(json("[1,2]")));
        assertThat(a.summary().temperatureC()).isEmpty();
    }

    @Test
    void n23_all_null_indoor_weather_is_no_weather() {
        JsonNode w = json("{\"temp\":null,\"apparentTemp\":null,\"latitude\":0.0,\"longitude\":0.0}");
        assertThat(ok(GarminPayloads.of(detail()).withWeather(w)).summary().temperatureC()).isEmpty();
    }

    @Test
    void n24_weather_fahrenheit_becomes_celsius() {
        Activity a = ok(GarminPayloads.of(detail()).withWeather(json(weather())));
        assertThat(a.summary().temperatureC().getAsDouble()).isCloseTo(14.44, within(0.01));
    }

    @Test
    void n25_every_running_sub_type_counts_and_maps_to_its_sport() {
        String[][] cases = {{"running", "17", "ROAD"}, {"street_running", "1", "ROAD"},
            {"treadmill_running", "1", "TREADMILL"}, {"trail_running", "1", "TRAIL"}, {"track_running", "1", "TRACK"},
            {"indoor_running", "1", "INDOOR"}, {"virtual_run", "1", "VIRTUAL"}};
        for (String[] c : cases) {
            var h = ActivityNormaliser.header(json(listItem(ID, c[0], Integer.parseInt(c[1]), "2026-01-08 14:10:21")),
                    OptionalLong.of(OWNER));
            assertThat(h).as(c[0]).hasValueSatisfying(x -> assertThat(x.sport()).isEqualTo(SportType.valueOf(c[2])));
        }
    }

    @Test
    void n26_non_runs_in_a_list_are_dropped_and_a_non_run_detail_is_refused() {
        assertThat(ActivityNormaliser.header(json(listItem(ID, "lap_swimming", 26, "2026-01-08 14:10:21")),
                OptionalLong.of(OWNER))).isEmpty();
        ObjectNode d = detail();
        d.set("activityTypeDTO", json("{\"typeId\":2,\"typeKey\":\"cycling\",\"parentTypeId\":17}"));
        assertThat(problem(GarminPayloads.of(d))).isEqualTo(GarminProblemCode.GARMIN_NOT_A_RUN);
    }

    @Test
    void n28_indoor_laps_with_zero_distance_keep_their_time_and_have_no_distance() {
        JsonNode s = json("{\"lapDTOs\":[{\"distance\":0.0,\"duration\":600},{\"distance\":0,\"duration\":620}]}");
        Activity a = ok(GarminPayloads.of(detail()).withSplits(s));
        assertThat(a.laps()).hasSize(2).allSatisfy(l -> assertThat(l.distanceM()).isEmpty());
    }

    @Test
    void n29_hr_zero_samples_are_missing_readings_and_columns_stay_aligned() {
        ObjectNode det = (ObjectNode) json(details(ID, 10));
        ((ArrayNode) det.get("activityDetailMetrics").get(4).get("metrics")).set(3, json("0"));
        ((ArrayNode) det.get("activityDetailMetrics").get(5).get("metrics")).set(3, json("null"));
        Activity a = ok(GarminPayloads.of(detail()).withDetails(det));
        assertThat(a.samples().size()).isEqualTo(10);
        assertThat(a.samples().heartRate()).hasSize(10);
        assertThat(a.samples().heartRate()[4]).isNaN();
        assertThat(a.samples().heartRate()[5]).isNaN();
        assertThat(a.samples().heartRate()[6]).isGreaterThan(100);
    }

    @Test
    void n30_missing_activity_with_splits_is_a_typed_problem() {
        assertThat(problem(new GarminPayloads(null, null, json(splits(ID)), null)))
                .isEqualTo(GarminProblemCode.GARMIN_BAD_DATA);
    }

    @Test
    void n33_altitude_comes_from_samples_not_lap_gain() {
        Activity a = ok(GarminPayloads.of(detail()).withDetails(json(details(ID, 120))));
        assertThat(a.samples().hasAltitude()).isTrue();
        assertThat(a.samples().altitudeM()[0]).isCloseTo(100, within(0.1));
    }

    @Test
    void n34_paused_run_keeps_moving_and_elapsed_apart() {
        ObjectNode d = detail();
        summary(d).put("elapsedDuration", 2349).put("duration", 2146).put("movingDuration", 2114);
        Activity a = ok(GarminPayloads.of(d));
        assertThat(a.movingS().getAsDouble()).isEqualTo(2114);
        assertThat(a.elapsedS().getAsDouble()).isEqualTo(2349);
    }

    @Test
    void n35_uneven_laps_keep_their_real_distances() {
        JsonNode s = json("{\"lapDTOs\":[{\"distance\":1609.34,\"duration\":480},{\"distance\":200,\"duration\":55}]}");
        Activity a = ok(GarminPayloads.of(detail()).withSplits(s));
        assertThat(a.laps().get(0).distanceM().getAsDouble()).isEqualTo(1609.34);
        assertThat(a.laps().get(1).distanceM().getAsDouble()).isEqualTo(200);
    }

    @Test
    void reordered_descriptors_are_found_by_key_and_factor_is_not_applied() {
        Activity a = ok(GarminPayloads.of(detail()).withDetails(json(details(ID, 600))));
        var s = a.samples();
        assertThat(s.size()).isEqualTo(600);
        assertThat(s.elapsedS()[599]).isEqualTo(599.0);
        assertThat(s.speedMps()[0]).isCloseTo(3.0, within(0.01));
        assertThat(s.heartRate()[0]).isCloseTo(140, within(0.01));
        assertThat(s.cadenceSpm()[0]).isEqualTo(170);
        assertThat(s.latitude()[0]).isCloseTo(9.9, within(1e-6));
        assertThat(s.hasPosition()).isTrue();
    }

    @Test
    void descriptors_with_bad_indices_and_short_rows_do_not_break() {
        JsonNode det = json("{\"metricDescriptors\":[{\"metricsIndex\":0,\"key\":\"directTimestamp\"},"
                + "{\"metricsIndex\":-1,\"key\":\"directSpeed\"},{\"metricsIndex\":\"x\",\"key\":\"sumDistance\"},"
                + "{\"metricsIndex\":5,\"key\":\"directHeartRate\"}],"
                + "\"activityDetailMetrics\":[{\"metrics\":[1767881421000]},{\"metrics\":[1767881422000,1,2,3,4,150]},"
                + "{\"metrics\":null},{\"metrics\":[1767881420000]}]}");
        Activity a = ok(GarminPayloads.of(detail()).withDetails(det));
        assertThat(a.samples().size()).isEqualTo(2); // the row going back in time is dropped
        assertThat(a.samples().hasSpeed()).isFalse();
        assertThat(a.samples().heartRate()[1]).isEqualTo(150);
    }

    @Test
    void treadmill_without_gps_or_hr_has_no_position_and_no_hr() {
        JsonNode det = json("{\"metricDescriptors\":[{\"metricsIndex\":0,\"key\":\"sumElapsedDuration\"},"
                + "{\"metricsIndex\":1,\"key\":\"directLatitude\"},{\"metricsIndex\":2,\"key\":\"directLongitude\"},"
                + "{\"metricsIndex\":3,\"key\":\"directHeartRate\"}],\"activityDetailMetrics\":["
                + "{\"metrics\":[0,0.0,0.0,null]},{\"metrics\":[1,0.0,0.0,null]}]}");
        ObjectNode d = detail();
        d.set("activityTypeDTO", json("{\"typeId\":18,\"typeKey\":\"treadmill_running\",\"parentTypeId\":1}"));
        Activity a = ok(GarminPayloads.of(d).withDetails(det));
        assertThat(a.sport()).isEqualTo(SportType.TREADMILL);
        assertThat(a.samples().hasPosition()).isFalse();
        assertThat(a.samples().hasHeartRate()).isFalse();
    }

    @Test
    void an_activity_of_another_owner_is_refused() {
        ObjectNode d = detail();
        d.put("userProfileId", 999L);
        assertThat(problem(GarminPayloads.of(d))).isEqualTo(GarminProblemCode.GARMIN_OWNER_MISMATCH);
        assertThat(ActivityNormaliser.header(json(listItem(ID, "running", 17, "2026-01-08 14:10:21")),
                OptionalLong.of(OWNER + 1))).isEmpty();
    }

    @Test
    void list_item_start_uses_the_local_minus_gmt_offset() {
        String item = listItem(ID, "running", 17, "2026-01-08 14:10:21").replaceFirst(
                "\"startTimeLocal\":\"2026-01-08 14:10:21\"", "\"startTimeLocal\":\"2026-01-08 08:10:21\"");
        Activity a = ok(GarminPayloads.of(json(item)));
        assertThat(a.start().get().getOffset().getTotalSeconds()).isEqualTo(-6 * 3600);
        assertThat(a.startInstant().get().toString()).isEqualTo("2026-01-08T14:10:21Z");
    }

    private static String Fixtures_quote(String s) {
        return ai.pace42.garmin.Fixtures.M.getNodeFactory().textNode(s).toString();
    }
}
