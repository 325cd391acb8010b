package ai.pace42.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedThreadNamesTest {

    @Test
    void linkTokensAndThePartnerPathSecretNeverReachAThreadName() {
        assertThat(MaskedThreadNames.mask("/link/r2G_TpElznWC3syqqwKUDRDc37yKiGLnAxA_vNHdk50")).isEqualTo("/link/***");
        assertThat(MaskedThreadNames.mask("/garmin/partner/0123456789abcdef0123456789abcdef/push"))
                .isEqualTo("/garmin/partner/***/push");
    }

    @Test
    void ordinaryPathsStayReadable() {
        assertThat(MaskedThreadNames.mask("/link/signin")).isEqualTo("/link/signin");
        assertThat(MaskedThreadNames.mask("/link/oauth/callback")).isEqualTo("/link/oauth/callback");
        assertThat(MaskedThreadNames.mask("/api/v1/chat")).isEqualTo("/api/v1/chat");
        assertThat(MaskedThreadNames.mask(null)).isEmpty();
    }
}
