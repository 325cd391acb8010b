package ai.pace42.slack;

import ai.pace42.bot.testing.TestCore;
import ai.pace42.bot.channel.ChannelHealth;
import ai.pace42.bot.testing.Eventually;
import static ai.pace42.slack.SlackApiStub.form;
import static ai.pace42.slack.SlackApiStub.sectionTexts;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Socket Mode end to end against a local stand-in for Slack's WebSocket: apps.connections.open on WireMock hands
 * out its URL, it says hello, delivers an event and a slash command, and expects an ack for each envelope.
 */
class SocketModeTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String APP_TOKEN = "xapp-1-A0PACE42-0000000000-socketmodeapptoken";

    @TempDir
    Path tmp;

    private SlackApiStub api;
    private FakeSocketMode socket;
    private TestCore core;
    private SlackAdapter adapter;

    @AfterEach
    void tearDown() throws Exception {
        if (adapter != null) {
            adapter.stop();
        }
        if (core != null) {
            core.core.close();
        }
        if (socket != null) {
            socket.stop(1000);
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void eventsAndCommandsArriveOverTheSocketAndAreAcknowledgedThere() throws Exception {
        socket = new FakeSocketMode();
        socket.start();
        api = new SlackApiStub();
        api.ok("apps.connections.open", "{\"ok\":true,\"url\":\"ws://localhost:" + socket.getPort() + "/link/?ticket=t1\"}");
        core = Fixtures.core(tmp, Fixtures.ECHO_COACH);
        adapter = new SlackAdapter(new SlackSettings(SlackApiStub.TOKEN, APP_TOKEN, null, null, null, api.apiUrl(),
                URI.create("https://pace42.example")), null, null, core.core.deliveries(), Clock.systemUTC(),
                core.core.commands());
        adapter.start(core.core.dispatcher());
        Eventually.within(WAIT, () -> assertThat(socket.open()).isNotNull());

        String event = SlackRequests.envelope(SlackApiStub.TEAM, SlackRequests.nextEventId(),
                SlackRequests.dm("U0RUNNER", "D0RUNNER", "over the socket"));
        socket.send("{\"envelope_id\":\"env-event-1\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
                + "\"retry_attempt\":0,\"retry_reason\":\"\",\"payload\":" + event + "}");
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("token", "legacy");
        command.put("team_id", SlackApiStub.TEAM);
        command.put("channel_id", "D0RUNNER");
        command.put("channel_name", "directmessage");
        command.put("user_id", "U0RUNNER");
        command.put("user_name", "runner");
        command.put("command", "/coach");
        command.put("text", "status");
        command.put("response_url", api.baseUrl() + "response/socket");
        command.put("trigger_id", "1.2.3");
        socket.send("{\"envelope_id\":\"env-cmd-1\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,"
                + "\"payload\":" + SlackRequests.json(command) + "}");

        Eventually.within(WAIT, () -> assertThat(socket.received).anySatisfy(m -> assertThat(m).contains("env-event-1"))
                .anySatisfy(m -> assertThat(m).contains("env-cmd-1")));
        Eventually.within(WAIT, () -> assertThat(api.calls("chat.postMessage")).hasSize(1));
        LoggedRequest post = api.calls("chat.postMessage").get(0);
        assertThat(form(post)).containsEntry("channel", "D0RUNNER");
        assertThat(sectionTexts(post)).containsExactly("You asked: over the socket");
        Eventually.within(WAIT, () -> assertThat(api.calls("chat.postEphemeral")).hasSize(1));
        assertThat(String.join("\n", sectionTexts(api.calls("chat.postEphemeral").get(0))))
                .contains("Your pace42 account");
        assertThat(api.calls("apps.connections.open").get(0).getHeader("Authorization"))
                .isEqualTo("Bearer " + APP_TOKEN);
        assertThat(adapter.check().healthy()).isTrue();
        assertThat(adapter.check().message()).isEqualTo("socket mode connected");
    }

    @Test
    void noSocketUrlMeansUnhealthyUntilSlackAnswers() {
        api = new SlackApiStub();
        api.ok("apps.connections.open", "{\"ok\":false,\"error\":\"invalid_auth\"}");
        core = Fixtures.core(tmp, Fixtures.ECHO_COACH);
        adapter = new SlackAdapter(new SlackSettings(SlackApiStub.TOKEN, APP_TOKEN, null, null, null, api.apiUrl(),
                URI.create("https://pace42.example")), null, null, core.core.deliveries(), Clock.systemUTC(),
                core.core.commands());

        adapter.start(core.core.dispatcher());

        ChannelHealth.Status status = adapter.check();
        assertThat(status.healthy()).isFalse();
        assertThat(status.message()).doesNotContain(APP_TOKEN).doesNotContain(SlackApiStub.TOKEN);
    }

    /** Speaks just enough of Slack's Socket Mode protocol: hello on connect, then whatever the test sends. */
    static final class FakeSocketMode extends WebSocketServer {

        final List<String> received = new CopyOnWriteArrayList<>();
        private volatile WebSocket connection;

        FakeSocketMode() {
            super(new InetSocketAddress("localhost", 0));
            setReuseAddr(true);
        }

        WebSocket open() {
            return connection;
        }

        void send(String message) {
            connection.send(message);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            connection = conn;
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\","
                    + "\"approximate_connection_time\":18060},\"connection_info\":{\"app_id\":\"A0PACE42\"}}");
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
        }
    }
}
