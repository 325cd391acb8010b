package ai.pace42.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyLimitsTest {

    private final BodyLimits limits = BodyLimits.standard();

    @Test
    void chatAndLinkFormsGet64KiBAndUnknownPathsTheSame() {
        assertThat(limits.limitFor("/api/v1/chat")).isEqualTo(64 * 1024);
        assertThat(limits.limitFor("/link/signin")).isEqualTo(64 * 1024);
        assertThat(limits.limitFor("/no/such/path")).isEqualTo(64 * 1024);
        assertThat(limits.limitFor(null)).isEqualTo(64 * 1024);
    }

    @Test
    void webhooksGetTheirPlatformsAllowance() {
        assertThat(limits.limitFor("/telegram/webhook")).isEqualTo(1024 * 1024);
        assertThat(limits.limitFor("/slack/events")).isEqualTo(1024 * 1024);
        assertThat(limits.limitFor("/discord/interactions")).isEqualTo(256 * 1024);
        assertThat(limits.limitFor("/garmin/partner/s3cr3t/ping")).isEqualTo(1024 * 1024);
        assertThat(limits.limitFor("/garmin/partner/s3cr3t/push")).isEqualTo(16 * 1024 * 1024);
        // Only the exact shape earns the large allowance.
        assertThat(limits.limitFor("/garmin/partner/a/b/push")).isEqualTo(64 * 1024);
    }
}
