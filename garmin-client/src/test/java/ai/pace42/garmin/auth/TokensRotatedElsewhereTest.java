package ai.pace42.garmin.auth;

import ai.pace42.garmin.Fixtures;
import ai.pace42.garmin.GarminWireMock;
import ai.pace42.garmin.api.ConnectApiClient;
import ai.pace42.garmin.api.GarminHttp;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server instances share the secret store. When one has refreshed (and so rotated the refresh token), the
 * other adopts the stored tokens instead of refreshing with its spent copy, which Garmin would refuse.
 */
class TokensRotatedElsewhereTest extends GarminWireMock {

    private static final String PROFILE = "/userprofile-service/socialProfile";

    @Test
    void a_401_first_looks_for_tokens_another_instance_saved() {
        link("a", "access-1", "refresh-1", Instant.now().plusSeconds(3600));
        ConnectApiClient here = client(new GarminHttp(config), "a");
        wm.stubFor(get(PROFILE).willReturn(aResponse().withStatus(401)));
        wm.stubFor(get(PROFILE).withHeader("Authorization", equalTo("Bearer access-2"))
                .willReturn(okJson("{\"profileId\":" + Fixtures.OWNER + "}")));
        wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));
        here.session().accessToken(); // this instance now holds access-1 / refresh-1 in memory

        link("a", "access-2", "refresh-2", Instant.now().plusSeconds(3600)); // the other instance refreshed

        assertThat(here.socialProfile().isOk()).isTrue();
        wm.verify(getRequestedFor(urlPathEqualTo(PROFILE)).withHeader("Authorization", equalTo("Bearer access-2")));
        wm.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void an_expiring_token_is_replaced_by_a_fresher_stored_one_without_a_refresh() {
        link("a", "access-1", "refresh-1", Instant.now().plusSeconds(60)); // within the 15-minute refresh skew
        ConnectApiClient here = client(new GarminHttp(config), "a");
        here.session().identity();
        link("a", "access-2", "refresh-2", Instant.now().plusSeconds(3600));

        assertThat(here.session().accessToken().value()).isEqualTo("access-2");
        wm.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void tokens_of_another_garmin_identity_are_never_adopted() {
        link("a", "access-1", "refresh-1", Instant.now().plusSeconds(60));
        ConnectApiClient here = client(new GarminHttp(config), "a");
        here.session().identity();
        store.save("a", new GarminLink(GarminIdentity.of(424242, "someone-else"),
                tokens("access-x", "refresh-x", Instant.now().plusSeconds(3600))));
        wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));

        assertThat(here.session().accessToken().isOk()).as("falls back to its own refresh, which fails").isFalse();
        wm.verify(1, postRequestedFor(anyUrl()));
    }
}
