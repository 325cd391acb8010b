package ai.pace42.garmin;

import ai.pace42.garmin.api.ConnectApiClient;
import ai.pace42.garmin.api.GarminHttp;
import ai.pace42.garmin.auth.AccountSession;
import ai.pace42.garmin.auth.GarminIdentity;
import ai.pace42.garmin.auth.GarminLink;
import ai.pace42.garmin.auth.GarminTokens;
import ai.pace42.garmin.auth.InMemoryTokenStore;
import ai.pace42.garmin.auth.TokenEndpoint;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** A WireMock server standing in for every Garmin host, plus helpers to build a linked account against it. */
public abstract class GarminWireMock {

    protected WireMockServer wm;
    protected GarminConfig config;
    protected InMemoryTokenStore store;

    @BeforeEach
    void startWireMock() {
        wm = new WireMockServer(options().dynamicPort().containerThreads(40).jettyAcceptors(2));
        wm.start();
        config = GarminConfig.allAt(wm.baseUrl());
        store = new InMemoryTokenStore();
    }

    @AfterEach
    void stopWireMock() {
        wm.stop();
    }

    /** An unsigned JWT whose payload carries exp and client_id, like a DI access token. */
    public static String jwt(Instant exp, String clientId) {
        String payload = "{\"exp\":" + exp.getEpochSecond() + ",\"client_id\":\"" + clientId
                + "\",\"iss\":\"https://diauth.garmin.com\"}";
        Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
        return e.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + e.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    protected GarminTokens tokens(String access, String refresh, Instant accessExpiry) {
        return new GarminTokens(GarminTokens.Kind.DI, access, refresh, Optional.of(accessExpiry),
                Optional.of(accessExpiry.plusSeconds(30L * 24 * 3600)), "DI_TEST");
    }

    protected void link(String account, String access, String refresh, Instant expiry) {
        store.save(account, new GarminLink(GarminIdentity.of(Fixtures.OWNER, "runner-" + account),
                tokens(access, refresh, expiry)));
    }

    protected ConnectApiClient client(GarminHttp http, String account) {
        return new ConnectApiClient(http, new AccountSession(account, store,
                new TokenEndpoint(http, Clock.systemUTC()), Clock.systemUTC()));
    }
}
