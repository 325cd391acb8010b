package ai.pace42.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * WireMock standing in for the Bot API. TelegramBots lower-cases method names in URLs, so every stub and query
 * matches the method name case-insensitively. Successful replies carry realistic {@code result} objects.
 */
final class BotApiStub implements AutoCloseable {

    static final String TOKEN = "7000000001:AAFakeTokenForTestsOnly_abcdefghijk";
    static final String ME = "{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"pace42\",\"username\":\"pace42_bot\","
            + "\"can_join_groups\":true,\"can_read_all_group_messages\":false,\"supports_inline_queries\":false}";

    final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));

    BotApiStub() {
        server.start();
        ok("getMe", ME);
        ok("setMyCommands", "true");
        ok("deleteWebhook", "true");
        ok("setWebhook", "true");
        ok("sendChatAction", "true");
        ok("sendMessage", sentMessage());
        ok("sendPhoto", sentPhoto());
    }

    URI baseUrl() {
        return URI.create("http://localhost:" + server.port());
    }

    TelegramSettings pollingSettings() {
        return TelegramSettings.polling(TOKEN, baseUrl()).withLimits(fastLimits());
    }

    /** Real pacing shape, shorter retry waits so tests stay quick. */
    static TelegramSettings.SendLimits fastLimits() {
        return new TelegramSettings.SendLimits(1.0, 3, 30.0, Duration.ofMillis(20), 4);
    }

    static MappingBuilder method(String name) {
        return any(urlPathMatching("/bot" + TOKEN.replace(":", "\\:") + "/(?i)" + name));
    }

    void ok(String name, String resultJson) {
        server.stubFor(method(name).willReturn(okJson("{\"ok\":true,\"result\":" + resultJson + "}")));
    }

    void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    /** Requests for one Bot API method, in arrival order. */
    List<LoggedRequest> requests(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return server.findAll(anyRequestedFor(urlPathMatching(".*"))).stream()
                .filter(r -> r.getUrl().toLowerCase(Locale.ROOT).endsWith("/" + lower))
                .collect(Collectors.toList());
    }

    List<String> bodies(String name) {
        return requests(name).stream().map(LoggedRequest::getBodyAsString).collect(Collectors.toList());
    }

    static String sentMessage() {
        return "{\"message_id\":900,\"from\":{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"pace42\","
                + "\"username\":\"pace42_bot\"},\"chat\":{\"id\":111111111,\"type\":\"private\"},"
                + "\"date\":1764120001,\"text\":\"ok\"}";
    }

    static String sentPhoto() {
        return "{\"message_id\":901,\"from\":{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"pace42\","
                + "\"username\":\"pace42_bot\"},\"chat\":{\"id\":111111111,\"type\":\"private\"},"
                + "\"date\":1764120001,\"photo\":[{\"file_id\":\"AgACAgQAAxkDAAIBchart\",\"file_unique_id\":\"AQADchart\","
                + "\"file_size\":23410,\"width\":1000,\"height\":400}]}";
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder tooManyRequests(int retryAfter) {
        return aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                        + retryAfter + "\",\"parameters\":{\"retry_after\":" + retryAfter + "}}");
    }

    @Override
    public void close() {
        server.stop();
    }
}
