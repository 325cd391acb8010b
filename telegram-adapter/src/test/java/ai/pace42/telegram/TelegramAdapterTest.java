package ai.pace42.telegram;

import ai.pace42.bot.testing.TestCore;
import ai.pace42.bot.channel.ChannelHealth;
import ai.pace42.bot.testing.Eventually;
import static ai.pace42.telegram.BotApiStub.method;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.Attachment;
import ai.pace42.bot.channel.ChannelTexts;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.InboundHandler;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.files.HostileFiles;
import ai.pace42.garmin.files.ImportedAnswer;
import ai.pace42.garmin.files.OutboundListener;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.multipart.PartParser;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter against WireMock standing in for the Bot API, with the real bot core behind it. */
class TelegramAdapterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "s3cr3t-Webhook_Token";
    static final URI WEBHOOK = URI.create("https://bot.pace42.example/telegram/webhook");

    @TempDir
    Path tmp;

    private BotApiStub api;
    private BotCore core;
    private TelegramAdapter adapter;

    @BeforeEach
    void setUp() {
        api = new BotApiStub();
        core = Fixtures.core(tmp, Fixtures.ECHO_COACH);
    }

    @AfterEach
    void tearDown() {
        if (adapter != null) {
            adapter.stop();
        }
        core.close();
        api.close();
    }

    /** Webhook mode: no background polling, so every request WireMock sees comes from the update under test. */
    private TelegramAdapter startWebhookAdapter(InboundHandler handler) {
        TelegramSettings settings = new TelegramSettings(BotApiStub.TOKEN, api.baseUrl(),
                TelegramSettings.Mode.WEBHOOK, WEBHOOK, SECRET, List.of(999L), BotApiStub.fastLimits());
        adapter = new TelegramAdapter(settings, core.commands());
        adapter.start(handler);
        return adapter;
    }

    private TelegramAdapter startWebhookAdapter() {
        return startWebhookAdapter(core.dispatcher());
    }

    private static void await(CompletableFuture<Void> delivery) throws Exception {
        delivery.get(10, TimeUnit.SECONDS);
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sendMessageJson(long chatId, String html) {
        return "{\"chat_id\":\"" + chatId + "\",\"text\":" + Fixtures.quote(html) + ",\"parse_mode\":\"html\","
                + "\"link_preview_options\":{\"is_disabled\":true},\"method\":\"sendmessage\"}";
    }

    private static Map<String, String> textParts(LoggedRequest multipart) {
        return PartParser.parseFrom(multipart).stream()
                .filter(p -> p.getHeader("Content-Disposition").firstValue().contains("name=\"")
                        && !p.getHeader("Content-Disposition").firstValue().contains("filename"))
                .collect(Collectors.toMap(p -> p.getName(), p -> p.getBody().asString()));
    }

    private static byte[] filePart(LoggedRequest multipart, String name) {
        return PartParser.parseFrom(multipart).stream().filter(p -> p.getName().equals(name)).findFirst()
                .orElseThrow().getBody().asBytes();
    }

    @Test
    void startSetsTheWebhookWithItsSecretAndTheCommandMenus() {
        startWebhookAdapter();

        assertThat(textParts(api.requests("setWebhook").get(0))).isEqualTo(Map.of(
                "url", WEBHOOK.toString(), "secret_token", SECRET, "allowed_updates", "[\"message\"]"));
        List<String> menus = api.bodies("setMyCommands");
        assertThat(menus).hasSize(2);
        JsonNode everyone = json(menus.get(0));
        assertThat(everyone.get("scope")).isEqualTo(json("{\"type\":\"default\"}"));
        assertThat(names(everyone)).startsWith("start", "help").doesNotContain("admin")
                .containsExactlyElementsOf(core.commands().publicCommands().stream().map(Command::name).toList());
        assertThat(everyone.get("commands").get(0)).isEqualTo(
                json("{\"command\":\"start\",\"description\":\"Say hello and see what I can do\"}"));
        JsonNode admin = json(menus.get(1));
        assertThat(admin.get("scope")).isEqualTo(json("{\"type\":\"chat\",\"chat_id\":\"999\"}"));
        assertThat(names(admin)).contains("admin")
                .containsExactlyElementsOf(core.commands().all().stream().map(Command::name).toList());
        assertThat(adapter.check()).isEqualTo(new ChannelHealth.Status(true, "@pace42_bot: webhook registered"));
    }

    private static List<String> names(JsonNode setMyCommands) {
        List<String> out = new ArrayList<>();
        setMyCommands.get("commands").forEach(c -> out.add(c.get("command").asText()));
        return out;
    }

    @Test
    void aPrivateQuestionShowsTypingThenSendsTheChartWithTheAnswerAsCaption() throws Exception {
        startWebhookAdapter();

        await(adapter.process(Fixtures.update("private_text")));

        assertThat(api.bodies("sendChatAction")).hasSize(1);
        assertThat(json(api.bodies("sendChatAction").get(0))).isEqualTo(
                json("{\"chat_id\":\"111111111\",\"action\":\"typing\",\"method\":\"sendChatAction\"}"));
        List<LoggedRequest> photos = api.requests("sendPhoto");
        assertThat(photos).hasSize(1);
        assertThat(photos.get(0).getHeader("Content-Type")).startsWith("multipart/form-data");
        assertThat(textParts(photos.get(0))).isEqualTo(Map.of(
                "chat_id", "111111111",
                "photo", "attach://chart.png",
                "caption", "<b>Last run</b>: 8.0 km at 5:12 /km",
                "parse_mode", "html",
                "caption_entities", "[]"));
        assertThat(filePart(photos.get(0), "chart.png")).isEqualTo(TestCore.PNG);
        assertThat(api.requests("sendMessage")).isEmpty();
        assertThat(api.requests("sendChatAction").get(0).getLoggedDate())
                .isBeforeOrEqualTo(photos.get(0).getLoggedDate());
    }

    @Test
    void aFilePartIsSentAsADocumentUploadedInTheMultipartBody() throws Exception {
        api.ok("sendDocument", "{\"message_id\":902,\"chat\":{\"id\":111111111,\"type\":\"private\"},\"date\":1764120001,"
                + "\"document\":{\"file_id\":\"BQACAgQAAxkDics\",\"file_unique_id\":\"AgADics\",\"file_name\":\"pace42-plan.ics\","
                + "\"mime_type\":\"text/calendar\",\"file_size\":15}}");
        byte[] ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        startWebhookAdapter(inbound -> CompletableFuture.completedFuture(ai.pace42.bot.channel.Reply.of(
                new ai.pace42.bot.channel.Reply.Part.Text("Your plan as a calendar"),
                new ai.pace42.bot.channel.Reply.Part.File("pace42-plan.ics", "text/calendar", ics, "/api/v1/plans/current.ics"))));

        await(adapter.process(Fixtures.update("private_text")));

        assertThat(api.bodies("sendMessage")).hasSize(1);
        List<LoggedRequest> documents = api.requests("sendDocument");
        assertThat(documents).hasSize(1);
        assertThat(documents.get(0).getHeader("Content-Type")).startsWith("multipart/form-data");
        assertThat(textParts(documents.get(0))).containsEntry("chat_id", "111111111")
                .containsEntry("document", "attach://pace42-plan.ics");
        assertThat(filePart(documents.get(0), "pace42-plan.ics")).isEqualTo(ics);
        assertThat(api.requests("sendMessage").get(0).getLoggedDate()).isBeforeOrEqualTo(documents.get(0).getLoggedDate());
    }

    @Test
    void aNameWithHtmlIsEscapedInTheGreeting() throws Exception {
        startWebhookAdapter();

        await(adapter.process(Fixtures.privateText(912345101, 333333333L, "<b>&\"", "/start")));

        String expected = "<b>Hi &lt;b&gt;&amp;\"! I'm pace42, your running coach.</b>\n\n"
                + "I read your own training data and answer in plain words, with a chart. Try asking:\n"
                + "• Analyze my last run\n• How is my fitness trending?\n• What should I run tomorrow?\n\n"
                + "Type /help for everything I understand.";
        assertThat(api.bodies("sendMessage")).hasSize(1);
        assertThat(json(api.bodies("sendMessage").get(0))).isEqualTo(json(sendMessageJson(333333333L, expected)));
    }

    @Test
    void aTenThousandCharacterAnswerArrivesAsThreeMessagesInOrder() throws Exception {
        startWebhookAdapter();

        await(adapter.process(Fixtures.privateText(912345102, 111111111L, "Alice", TestCore.LONG_QUESTION)));

        List<String> bodies = api.bodies("sendMessage");
        assertThat(bodies).hasSize(3);
        List<String> texts = new ArrayList<>();
        for (String body : bodies) {
            String text = json(body).get("text").asText();
            assertThat(json(body)).isEqualTo(json(sendMessageJson(111111111L, text)));
            assertThat(text.length()).isLessThanOrEqualTo(4096);
            assertThat(text).startsWith("Paragraph ").endsWith("End.");
            texts.add(text);
        }
        assertThat(texts.get(0)).startsWith("Paragraph 1: ");
        assertThat(String.join("\n\n", texts)).isEqualTo(ParagraphText.asHtml(Fixtures.LONG_ANSWER));
    }

    @Test
    void theStartLinkDeepLinkAnswersWithAnInlineUrlButtonAndNoPreview() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        // Stands in for the core's /link, whose wording belongs to the linking feature.
        startWebhookAdapter(in -> {
            asked.add(in.text());
            return CompletableFuture.completedFuture(Reply.text("Open this page to connect Garmin & pace42:")
                    .with(new Reply.Part.LinkButton("Link Garmin", "https://pace42.example/link/abc?x=1&y=2")));
        });

        await(adapter.process(Fixtures.update("start_link")));

        assertThat(asked).containsExactly("/link");
        assertThat(json(api.bodies("sendMessage").get(0))).isEqualTo(json("{\"chat_id\":\"111111111\","
                + "\"text\":\"Open this page to connect Garmin &amp; pace42:\",\"parse_mode\":\"html\","
                + "\"link_preview_options\":{\"is_disabled\":true},"
                + "\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Link Garmin\","
                + "\"url\":\"https://pace42.example/link/abc?x=1&y=2\"}]]},\"method\":\"sendmessage\"}"));
    }

    @Test
    void aGroupMentionIsAnsweredInTheGroup() throws Exception {
        startWebhookAdapter();

        await(adapter.process(Fixtures.update("group_mention")));

        assertThat(json(api.bodies("sendMessage").get(0)))
                .isEqualTo(json(sendMessageJson(Fixtures.GROUP, "You asked: how was my week?")));
    }

    @Test
    void messagesNotForTheBotEditsCallbacksAndUnknownUpdatesSendNothing() throws Exception {
        startWebhookAdapter();
        int before = api.server.getAllServeEvents().size();

        for (String fixture : List.of("group_not_for_bot", "group_command_other_bot", "edited_message",
                "callback_query", "unknown_type")) {
            await(adapter.process(Fixtures.update(fixture)));
        }

        Thread.sleep(100);
        assertThat(api.server.getAllServeEvents()).hasSize(before);
    }

    @Test
    void linkInAGroupPointsToThePrivateChat() throws Exception {
        startWebhookAdapter();

        await(adapter.process(Fixtures.update("group_link_command")));

        assertThat(json(api.bodies("sendMessage").get(0))).isEqualTo(json("{\"chat_id\":\"-1001234567890\","
                + "\"text\":\"" + ChannelTexts.GO_PRIVATE + "\",\"parse_mode\":\"html\","
                + "\"link_preview_options\":{\"is_disabled\":true},"
                + "\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Open a private chat\","
                + "\"url\":\"https://t.me/pace42_bot?start=link\"}]]},\"method\":\"sendmessage\"}"));
        assertThat(api.requests("sendChatAction")).isEmpty();
    }

    @Test
    void aPhotoGetsTheCoresExplanationThatNamesTheFilesItReads() throws Exception {
        List<Inbound> seenByCore = new CopyOnWriteArrayList<>();
        startWebhookAdapter(in -> {
            seenByCore.add(in);
            return core.dispatcher().onInbound(in);
        });

        await(adapter.process(Fixtures.update("photo")));

        assertThat(json(api.bodies("sendMessage").get(0)))
                .isEqualTo(json(sendMessageJson(Fixtures.ALICE, ChannelTexts.UNSUPPORTED_FILE)));
        assertThat(seenByCore).singleElement().satisfies(in -> assertThat(in.attachments()).hasSize(1));
    }

    @Test
    void aFitDocumentReachesTheCoreAndDownloadsThroughTheConfiguredBaseUrl() throws Exception {
        List<Inbound> seenByCore = new CopyOnWriteArrayList<>();
        startWebhookAdapter(in -> {
            seenByCore.add(in);
            return core.dispatcher().onInbound(in);
        });
        byte[] fit = {14, 16, 0x6c, 0x08, 'x', 0, 0, 0, '.', 'F', 'I', 'T'};
        api.ok("getFile", "{\"file_id\":\"BQACAgQAAxkBAAIBZ2dGc0Q3RkZfZml0X2ZpbGVfaWQ\","
                + "\"file_unique_id\":\"AgADq0EAAm2XyFA\",\"file_size\":12,\"file_path\":\"documents/file_12.fit\"}");
        api.stub(com.github.tomakehurst.wiremock.client.WireMock.get(
                "/file/bot" + BotApiStub.TOKEN + "/documents/file_12.fit")
                .willReturn(aResponse().withStatus(200).withBody(fit)));

        await(adapter.process(Fixtures.update("document_fit")));
        Attachment attachment = seenByCore.get(0).attachments().get(0);
        byte[] downloaded = attachment.read(ChannelTexts.MAX_FILE_BYTES);

        assertThat(downloaded).isEqualTo(fit);
        assertThat(json(api.bodies("getFile").get(0))).isEqualTo(json(
                "{\"file_id\":\"BQACAgQAAxkBAAIBZ2dGc0Q3RkZfZml0X2ZpbGVfaWQ\",\"method\":\"getFile\"}"));
    }

    @Test
    void aHostileGpxGetsTheUnreadableAnswerAndNothingIsFetchedOrRead() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.key"), "pace42-secret-" + UUID.randomUUID());
        core.close();
        core = Fixtures.core(tmp, Fixtures.ECHO_COACH,
                (account, name, content, askedAt) -> Optional.of(ImportedAnswer.of(name, content)));
        try (OutboundListener attacker = new OutboundListener(secret.toString())) {
            byte[] gpx = HostileFiles.gpx(attacker.url(), secret.toString()).get("xxe-parameter-entities");
            api.ok("getFile", "{\"file_id\":\"BQACAgQAAxkBAAIBZ2dGc0Q3RkZfZml0X2ZpbGVfaWQ\","
                    + "\"file_unique_id\":\"AgADq0EAAm2XyFA\",\"file_size\":" + gpx.length
                    + ",\"file_path\":\"documents/file_13.gpx\"}");
            api.stub(com.github.tomakehurst.wiremock.client.WireMock.get(
                    "/file/bot" + BotApiStub.TOKEN + "/documents/file_13.gpx")
                    .willReturn(aResponse().withStatus(200).withBody(gpx)));
            startWebhookAdapter();
            core.adapters().register(adapter);

            await(adapter.process(Fixtures.parse(Fixtures.raw("document_fit")
                    .replace("Morning_Run.fit", "Evening_Run.gpx"))));

            String sent = json(api.bodies("sendMessage").get(0)).get("text").asText();
            assertThat(sent).isEqualTo(GarminProblemCode.FILE_UNREADABLE.friendly());
            assertThat(attacker.requests()).isEmpty();
        }
    }

    @Test
    void aRedeliveredUpdateIsAnsweredOnce() throws Exception {
        startWebhookAdapter();

        await(adapter.process(Fixtures.update("group_mention")));
        await(adapter.process(Fixtures.update("group_mention")));

        Thread.sleep(100);
        assertThat(api.requests("sendMessage")).hasSize(1);
        assertThat(api.requests("sendChatAction")).hasSize(1);
    }

    @Test
    void aRedeliveryToAnotherInstanceIsAnsweredOnceThroughTheSharedLedger() throws Exception {
        TelegramSettings settings = new TelegramSettings(BotApiStub.TOKEN, api.baseUrl(),
                TelegramSettings.Mode.WEBHOOK, WEBHOOK, SECRET, List.of(999L), BotApiStub.fastLimits());
        TelegramAdapter first = new TelegramAdapter(settings, core.commands(), core.deliveries());
        TelegramAdapter second = new TelegramAdapter(settings, core.commands(), core.deliveries());
        first.start(core.dispatcher());
        second.start(core.dispatcher());
        try {
            await(first.process(Fixtures.update("group_mention")));
            await(second.process(Fixtures.update("group_mention")));

            Thread.sleep(100);
            assertThat(api.requests("sendMessage")).hasSize(1);
        } finally {
            first.stop();
            second.stop();
        }
    }

    @Test
    void a429IsHonouredAndTheMessageDeliveredExactlyOnce() throws Exception {
        api.stub(method("sendMessage").inScenario("flood").whenScenarioStateIs(STARTED)
                .willReturn(BotApiStub.tooManyRequests(1)).willSetStateTo("cooled"));
        api.stub(method("sendMessage").inScenario("flood").whenScenarioStateIs("cooled")
                .willReturn(okJson("{\"ok\":true,\"result\":" + BotApiStub.sentMessage() + "}")));
        startWebhookAdapter();

        await(adapter.process(Fixtures.update("group_mention")));

        Thread.sleep(300);
        List<LoggedRequest> sends = api.requests("sendMessage");
        assertThat(sends).hasSize(2);
        assertThat(sends.get(0).getBodyAsString()).isEqualTo(sends.get(1).getBodyAsString());
        long waitedMillis = sends.get(1).getLoggedDate().getTime() - sends.get(0).getLoggedDate().getTime();
        assertThat(waitedMillis).isGreaterThanOrEqualTo(950);
    }

    @Test
    void aNetworkErrorIsRetriedAndAPermanentErrorIsNot() throws Exception {
        api.stub(method("sendMessage").inScenario("reset").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        api.stub(method("sendMessage").inScenario("reset").whenScenarioStateIs("up")
                .willReturn(okJson("{\"ok\":true,\"result\":" + BotApiStub.sentMessage() + "}")));
        startWebhookAdapter();

        await(adapter.process(Fixtures.update("group_mention")));
        assertThat(api.requests("sendMessage")).hasSize(2);

        api.stub(method("sendMessage").willReturn(aResponse().withStatus(400).withHeader("Content-Type",
                "application/json").withBody("{\"ok\":false,\"error_code\":400,"
                + "\"description\":\"Bad Request: chat not found\"}")));
        CompletableFuture<Void> refused = adapter.process(Fixtures.privateText(912345103, 444L, "Eve", "hello"));
        assertThat(refused).failsWithin(Duration.ofSeconds(5));
        Thread.sleep(200);
        assertThat(api.requests("sendMessage")).hasSize(3);
    }

    @Test
    void twoUsersInterleavedSeeOnlyTheirOwnAnswersInOrder() throws Exception {
        startWebhookAdapter();
        List<CompletableFuture<Void>> deliveries = new ArrayList<>();

        for (int i = 1; i <= 4; i++) {
            deliveries.add(adapter.process(Fixtures.privateText(912346000 + 2 * i, Fixtures.ALICE, "Alice",
                    "alice question " + i)));
            deliveries.add(adapter.process(Fixtures.privateText(912346001 + 2 * i, Fixtures.BOB, "Bob",
                    "bob question " + i)));
        }
        CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

        Map<String, List<String>> byChat = api.bodies("sendMessage").stream().map(TelegramAdapterTest::json)
                .collect(Collectors.groupingBy(b -> b.get("chat_id").asText(),
                        Collectors.mapping(b -> b.get("text").asText(), Collectors.toList())));
        assertThat(byChat.get("111111111")).containsExactly("You asked: alice question 1",
                "You asked: alice question 2", "You asked: alice question 3", "You asked: alice question 4");
        assertThat(byChat.get("222222222")).containsExactly("You asked: bob question 1",
                "You asked: bob question 2", "You asked: bob question 3", "You asked: bob question 4");
    }

    @Test
    void answersThatBecomeReadyOutOfOrderAreSentInArrivalOrder() throws Exception {
        Map<String, CompletableFuture<Reply>> pending = new java.util.concurrent.ConcurrentHashMap<>();
        startWebhookAdapter(in -> pending.computeIfAbsent(in.text(), t -> new CompletableFuture<>()));
        List<CompletableFuture<Void>> deliveries = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            deliveries.add(adapter.process(Fixtures.privateText(912347000 + i, Fixtures.ALICE, "Alice", "q" + i)));
        }
        Eventually.within(Duration.ofSeconds(5), () -> assertThat(pending).hasSize(3));

        pending.get("q3").complete(Reply.text("third"));
        pending.get("q2").complete(Reply.text("second"));
        Thread.sleep(200);
        assertThat(api.requests("sendMessage")).as("nothing overtakes the first answer").isEmpty();
        pending.get("q1").complete(Reply.text("first"));
        CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(api.bodies("sendMessage").stream().map(b -> json(b).get("text").asText()))
                .containsExactly("first", "second", "third");
    }

    @Test
    void stopFinishesAnAnswerInFlight() throws Exception {
        CompletableFuture<Reply> slow = new CompletableFuture<>();
        startWebhookAdapter(in -> slow);
        adapter.process(Fixtures.update("group_mention"));
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS)
                .execute(() -> slow.complete(Reply.text("late but here")));

        adapter.stop();
        adapter = null;

        assertThat(api.bodies("sendMessage")).hasSize(1);
        assertThat(json(api.bodies("sendMessage").get(0)))
                .isEqualTo(json(sendMessageJson(Fixtures.GROUP, "late but here")));
    }

    @Test
    void anUnreachableBotApiMakesTheAdapterUnhealthyButNotTheServer() {
        api.stub(method("getMe").willReturn(aResponse().withStatus(401).withHeader("Content-Type",
                "application/json").withBody("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}")));

        startWebhookAdapter();

        ChannelHealth.Status status = adapter.check();
        assertThat(status.healthy()).isFalse();
        assertThat(status.message()).startsWith("getMe failed");
        assertThat(adapter.onUpdate(Fixtures.update("private_text"))).isFalse();
    }

    @Test
    void aSharedLocationThroughTheWebhookSetsTheHomeRoundedAndSaysSo() throws Exception {
        core.enableWeather(name -> List.of(), (lat, lon) -> java.time.ZoneId.of("Europe/Berlin"));
        startWebhookAdapter();

        await(adapter.process(Fixtures.update("private_location")));

        String account = core.accounts().find(ai.pace42.bot.channel.PlatformIdentity.of(
                ai.pace42.bot.channel.Platform.TELEGRAM, "111111111")).orElseThrow().id();
        assertThat(core.homeLocations().home(account)).hasValueSatisfying(p -> {
            assertThat(p.latitude()).isEqualTo(52.5);
            assertThat(p.longitude()).isEqualTo(13.4);
            assertThat(p.zone().getId()).isEqualTo("Europe/Berlin");
        });
        assertThat(json(api.bodies("sendMessage").get(0)).path("text").asText())
                .startsWith("Home set to <b>52.5° N, 13.4° E</b>; weather answers now use it.");
    }

    @Test
    void locationInAPrivateChatOffersARequestLocationKeyboard() throws Exception {
        core.enableWeather(name -> List.of(), (lat, lon) -> java.time.ZoneId.of("Europe/Berlin"));
        startWebhookAdapter();

        await(adapter.process(Fixtures.privateText(912345200, Fixtures.ALICE, "Alice", "/location")));

        JsonNode markup = json(api.bodies("sendMessage").get(0)).path("reply_markup");
        assertThat(markup.path("keyboard").path(0).path(0).path("text").asText()).isEqualTo("Share my location");
        assertThat(markup.path("keyboard").path(0).path(0).path("request_location").asBoolean()).isTrue();
        assertThat(markup.path("one_time_keyboard").asBoolean()).isTrue();
    }
}
