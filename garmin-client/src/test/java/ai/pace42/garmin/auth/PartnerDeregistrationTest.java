package ai.pace42.garmin.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.GarminWireMock;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.api.GarminHttp;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartnerDeregistrationTest extends GarminWireMock {

    private static final GarminLink PARTNER = new GarminLink(GarminIdentity.partner("d3315b10"),
            new GarminTokens(GarminTokens.Kind.PARTNER, "partner-access", "pr1",
                    Optional.of(Instant.now().plusSeconds(3600)), Optional.empty(), "pace42-partner"));

    private Result<Boolean> deregister(GarminLink link) {
        return new PartnerDeregistration(new GarminHttp(config)).deregister(link);
    }

    @Test
    void anOfficialLinkIsDeregisteredWithItsOwnBearerToken() {
        wm.stubFor(delete(urlPathEqualTo(PartnerDeregistration.PATH))
                .withHeader("Authorization", equalTo("Bearer partner-access"))
                .willReturn(aResponse().withStatus(204)));

        assertThat(deregister(PARTNER).value()).isTrue();
        wm.verify(1, deleteRequestedFor(urlPathEqualTo(PartnerDeregistration.PATH)));
    }

    @Test
    void aTokenGarminAlreadyRefusesMeansThereIsNothingLeftToRevoke() {
        wm.stubFor(delete(urlPathEqualTo(PartnerDeregistration.PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"errorMessage\":\"Unauthorized\"}")));

        assertThat(deregister(PARTNER).value()).isFalse();
    }

    @Test
    void garminDownIsAFailureTheCallerCanReport() {
        wm.stubFor(delete(urlPathEqualTo(PartnerDeregistration.PATH)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Service Unavailable</body></html>")));

        Result<Boolean> result = deregister(PARTNER);

        assertThat(result.isOk()).isFalse();
        assertThat(result.problem().code()).isEqualTo(GarminProblemCode.GARMIN_UNAVAILABLE);
    }

    @Test
    void signInAndImportedLinksHaveNothingToRevokeAndCallNobody() {
        GarminLink di = new GarminLink(GarminIdentity.of(1, "runner"), tokens("di-access", "r", Instant.now()));

        assertThat(deregister(di).value()).isFalse();
        wm.verify(0, anyRequestedFor(anyUrl()));
    }
}
