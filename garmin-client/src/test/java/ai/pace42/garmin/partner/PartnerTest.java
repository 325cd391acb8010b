package ai.pace42.garmin.partner;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.SportType;
import ai.pace42.garmin.Fixtures;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerTest {

    private final PartnerNotifications notifications = new PartnerNotifications(URI.create("https://apis.garmin.com"));

    @Test
    void ping_yields_callbacks_on_the_garmin_host_only() {
        String ping = """
            {"activities":[
              {"userId":"u-1","callbackURL":"https://apis.garmin.com/wellness-api/rest/activities?uploadStartTimeInSeconds=1&uploadEndTimeInSeconds=2&token=t1"},
              {"userId":"u-2","callbackURL":"https://evil.example/steal?token=t2"},
              {"userId":"u-3","callbackURL":"http://apis.garmin.com/plain"},
              {"userId":"u-4","callbackURL":"https://user@apis.garmin.com/x"},
              {"callbackURL":"https://apis.garmin.com/no-user"}],
             "dailies":[{"userId":"u-1","callbackURL":"https://apis.garmin.com/wellness-api/rest/dailies?token=t3"}],
             "sleeps":"not a list"}
            """;
        Result<List<PartnerPing>> r = notifications.parsePing(ping);
        assertThat(r.value()).extracting(PartnerPing::summaryType, PartnerPing::userId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("activities", "u-1"),
                        org.assertj.core.groups.Tuple.tuple("dailies", "u-1"));
        assertThat(r.value().get(0).toString()).doesNotContain("t1");
    }

    @Test
    void broken_pings_are_typed_problems() {
        assertThat(notifications.parsePing("").problem().code()).isEqualTo(GarminProblemCode.GARMIN_NO_DATA);
        assertThat(notifications.parsePing("[1]").problem().code()).isEqualTo(GarminProblemCode.GARMIN_BAD_DATA);
        assertThat(notifications.parsePing("<html>").isOk()).isFalse();
    }

    @Test
    void activity_api_summary_becomes_an_activity_for_its_owner_only() {
        String summary = """
            {"userId":"u-1","summaryId":"x456","activityId":9876543210,"activityName":"Treadmill Run",
             "startTimeInSeconds":1767881421,"startTimeOffsetInSeconds":-21600,"durationInSeconds":2223,
             "activityType":"TREADMILL_RUNNING","averageHeartRateInBeatsPerMinute":142,
             "averageRunCadenceInStepsPerMinute":170.5,"averageSpeedInMetersPerSecond":1.917,
             "distanceInMeters":4261.19,"deviceName":"forerunner 265"}
            """;
        Activity a = PartnerActivityNormaliser.normalise(Fixtures.json(summary), "u-1").value();
        assertThat(a.id()).isEqualTo("9876543210");
        assertThat(a.sport()).isEqualTo(SportType.TREADMILL);
        assertThat(a.start().get().getOffset().getTotalSeconds()).isEqualTo(-21600);
        assertThat(a.summary().averageCadenceSpm().getAsDouble()).isEqualTo(170.5);
        assertThat(PartnerActivityNormaliser.normalise(Fixtures.json(summary), "u-2").problem().code())
                .isEqualTo(GarminProblemCode.GARMIN_OWNER_MISMATCH);
        assertThat(PartnerActivityNormaliser.normalise(Fixtures.json(summary.replace("TREADMILL_RUNNING", "CYCLING")),
                "u-1").problem().code()).isEqualTo(GarminProblemCode.GARMIN_NOT_A_RUN);
        assertThat(PartnerActivityNormaliser.normalise(Fixtures.json("{\"summaryId\":\"s\"}"), "u-1").problem().code())
                .isEqualTo(GarminProblemCode.GARMIN_NO_DATA);
    }
}
