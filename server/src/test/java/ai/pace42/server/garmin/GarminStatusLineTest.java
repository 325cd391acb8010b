package ai.pace42.server.garmin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.garmin.GarminProblem;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.sync.GarminActivitySources.LinkState;
import ai.pace42.garmin.sync.SyncStamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class GarminStatusLineTest {

    private static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");

    private static String line(SyncStamp stamp, String zone) {
        return GarminStatusLine.of(new LinkState("Ada Alpha", stamp), NOW, ZoneId.of(zone));
    }

    @Test
    void recentSyncsReadAsRelativeTime() {
        assertThat(line(SyncStamp.never(), "UTC")).isEqualTo("connected as Ada Alpha · not synced yet");
        assertThat(line(SyncStamp.never().succeeded(NOW.minus(Duration.ofMinutes(4))), "UTC"))
                .isEqualTo("connected as Ada Alpha · synced 4 min ago");
        assertThat(line(SyncStamp.never().succeeded(NOW.minus(Duration.ofHours(5))), "Asia/Tokyo"))
                .isEqualTo("connected as Ada Alpha · synced 5 h ago");
    }

    @Test
    void olderSyncsShowTheDateAndTimeInTheRunnersZone() {
        SyncStamp old = SyncStamp.never().succeeded(Instant.parse("2026-11-20T23:30:00Z"));
        assertThat(line(old, "Europe/Berlin")).isEqualTo("connected as Ada Alpha · last synced Sat 21 Nov, 00:30");
        assertThat(line(old, "America/New_York")).isEqualTo("connected as Ada Alpha · last synced Fri 20 Nov, 18:30");
    }

    @Test
    void aFailedLastAttemptIsSaid() {
        SyncStamp failed = SyncStamp.never().succeeded(NOW.minus(Duration.ofMinutes(30)))
                .failed(NOW, GarminProblem.of(GarminProblemCode.GARMIN_RATE_LIMITED, "HTTP 429"));
        assertThat(line(failed, "UTC")).startsWith("connected as Ada Alpha · synced 30 min ago")
                .contains("GARMIN_RATE_LIMITED").doesNotContain("HTTP 429");
    }

    @Test
    void aRevokedLinkSaysWhatToDo() {
        SyncStamp revoked = SyncStamp.never().succeeded(NOW.minus(Duration.ofMinutes(30)))
                .failed(NOW, GarminProblem.of(GarminProblemCode.GARMIN_RELINK_REQUIRED, "401 after refresh"));
        assertThat(line(revoked, "UTC")).isEqualTo("connected as Ada Alpha · synced 30 min ago · the last sync "
                + "failed (GARMIN_RELINK_REQUIRED); send /link to reconnect");
    }
}
