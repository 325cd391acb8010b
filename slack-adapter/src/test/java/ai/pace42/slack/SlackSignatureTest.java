package ai.pace42.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlackSignatureTest {

    // The worked example of Slack's "verifying requests" guide.
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook"
            + "-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGl"
            + "fmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String TS = "1531420618";
    private static final String EXPECTED = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1531420618));
    private final SlackSignature signature = new SlackSignature(SECRET, clock);
    private final byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesSlacksWorkedExample() {
        assertThat(signature.sign(TS, body)).isEqualTo(EXPECTED);
        assertThat(signature.refusal(TS, EXPECTED, body)).isNull();
    }

    @Test
    void refusesWrongSignatureChangedBodyAndMissingHeaders() {
        assertThat(signature.refusal(TS, EXPECTED.replace('a', 'b'), body)).isEqualTo("signature does not match");
        assertThat(signature.refusal(TS, EXPECTED, (BODY + "x").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("signature does not match");
        assertThat(signature.refusal(null, EXPECTED, body)).isEqualTo("missing signature headers");
        assertThat(signature.refusal(TS, null, body)).isEqualTo("missing signature headers");
        assertThat(signature.refusal("yesterday", EXPECTED, body)).isEqualTo("malformed timestamp");
    }

    @Test
    void acceptsFiveMinutesEitherWayAndNoMore() {
        clock.advance(Duration.ofMinutes(5));
        assertThat(signature.refusal(TS, EXPECTED, body)).isNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(signature.refusal(TS, EXPECTED, body)).isEqualTo("timestamp outside the 5-minute window");
        clock.advance(Duration.ofMinutes(-10).minusSeconds(2));
        assertThat(signature.refusal(TS, EXPECTED, body)).isEqualTo("timestamp outside the 5-minute window");
    }
}
