package ai.pace42.slack;

import ai.pace42.bot.testing.TestCore;
import ai.pace42.bot.testing.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachService;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures how long Slack waits for our acknowledgement while the coach needs 10 s per answer: signed DMs and
 * slash commands through {@link SlackHttpResource} (our signature check, then Bolt) with the real core behind.
 * Not part of the normal suite (no "Test" suffix); run it with
 * {@code mvn -pl slack-adapter -am verify -Dtest=AckLatencyMeasurement -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AckLatencyMeasurement {

    private static final int ROUNDS = 30;
    private static final Duration COACH_TIME = Duration.ofSeconds(10);

    @Test
    void acknowledgesLongBeforeTheSlowCoachAnswers() throws Exception {
        Path dir = Files.createTempDirectory("slack-ack");
        CoachService slowCoach = question -> {
            try {
                Thread.sleep(COACH_TIME.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CoachAnswer.text("Thought hard about: " + question.text());
        };
        try (SlackApiStub api = new SlackApiStub()) {
            TestCore core = Fixtures.core(dir, slowCoach, 8); // the server default: 8 conversation workers
            SlackAdapter adapter = new SlackAdapter(new SlackSettings(SlackApiStub.TOKEN, null,
                    SlackRequests.SIGNING_SECRET, null, null, api.apiUrl(), URI.create("https://pace42.example")),
                    null, null, core.core.deliveries(), Clock.systemUTC(),
                core.core.commands());
            adapter.start(core.core.dispatcher());
            SlackHttpResource resource = adapter.httpResource();
            warmUp(resource);

            List<Long> dms = new ArrayList<>();
            List<Long> commands = new ArrayList<>();
            long firstSent = System.nanoTime();
            for (int i = 0; i < ROUNDS; i++) {
                // Each round is a different runner, so the 10 s answers pile up in the core meanwhile.
                String dm = SlackRequests.envelope(SlackApiStub.TEAM, SlackRequests.nextEventId(),
                        SlackRequests.dm("U0R" + i, "D0R" + i, "question " + i));
                dms.add(timed(() -> resource.events(SlackHttpResourceTest.headers(
                        SlackRequests.signedHeaders(dm, "application/json")), stream(dm))));
                String cmd = SlackRequests.command(SlackApiStub.TEAM, "U0C" + i, "C0GEN", "/coach", "question " + i,
                        api.baseUrl() + "response/" + i);
                commands.add(timed(() -> resource.commands(SlackHttpResourceTest.headers(
                        SlackRequests.signedHeaders(cmd, "application/x-www-form-urlencoded")), stream(cmd))));
            }
            Eventually.within(Duration.ofSeconds(120), () -> assertThat(
                    api.calls("chat.postMessage").size() + api.calls("chat.postEphemeral").size())
                    .isGreaterThanOrEqualTo(2 * ROUNDS + 5));
            long allAnswered = System.nanoTime();

            System.out.println("ACK LATENCY with a " + COACH_TIME.toSeconds() + " s coach, " + ROUNDS + " each, "
                    + Runtime.getRuntime().availableProcessors() + " cores");
            System.out.println("  message.im events: " + summary(dms));
            System.out.println("  /coach commands:   " + summary(commands));
            System.out.println("  all " + (2 * ROUNDS) + " answers delivered "
                    + Duration.ofNanos(allAnswered - firstSent).toMillis() + " ms after the first request");
            assertThat(Collections.max(dms)).isLessThan(Duration.ofSeconds(3).toNanos());
            assertThat(Collections.max(commands)).isLessThan(Duration.ofSeconds(3).toNanos());
            adapter.stop();
            core.core.close();
        }
    }

    private static void warmUp(SlackHttpResource resource) {
        for (int i = 0; i < 5; i++) {
            String cmd = SlackRequests.command(SlackApiStub.TEAM, "U0WARM", "C0GEN", "/coach", "help", "http://x/r");
            resource.commands(SlackHttpResourceTest.headers(
                    SlackRequests.signedHeaders(cmd, "application/x-www-form-urlencoded")), stream(cmd));
        }
    }

    private interface Call {
        Response call();
    }

    private static long timed(Call call) {
        long start = System.nanoTime();
        Response response = call.call();
        long took = System.nanoTime() - start;
        assertThat(response.getStatus()).isEqualTo(200);
        return took;
    }

    private static String summary(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("min %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms", ms(sorted.get(0)),
                ms(sorted.get(sorted.size() / 2)), ms(sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1)),
                ms(sorted.get(sorted.size() - 1)));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static ByteArrayInputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }
}
