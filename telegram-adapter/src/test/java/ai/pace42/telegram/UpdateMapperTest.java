package ai.pace42.telegram;

import static ai.pace42.telegram.Fixtures.ALICE;
import static ai.pace42.telegram.Fixtures.BOB;
import static ai.pace42.telegram.Fixtures.GROUP;
import static ai.pace42.telegram.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.pace42.bot.channel.Attachment;
import ai.pace42.bot.channel.ChannelTexts;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateMapperTest {

    private final UpdateMapper mapper = Fixtures.mapper();

    private Inbound forCore(String fixture) {
        MappedUpdate mapped = mapper.map(update(fixture));
        assertThat(mapped).isInstanceOf(MappedUpdate.ForCore.class);
        return ((MappedUpdate.ForCore) mapped).inbound();
    }

    @Test
    void aPrivateTextGoesToTheCoreAsADirectMessageFromTheUsersId() {
        MappedUpdate.ForCore mapped = (MappedUpdate.ForCore) mapper.map(update("private_text"));
        Inbound in = mapped.inbound();

        assertThat(mapped.chatId()).isEqualTo(ALICE);
        assertThat(in.from()).isEqualTo(PlatformIdentity.of(Platform.TELEGRAM, "111111111"));
        assertThat(in.where()).isEqualTo(new ConversationRef(Platform.TELEGRAM, "", "111111111", "111111111"));
        assertThat(in.text()).isEqualTo("Analyze my last run");
        assertThat(in.direct()).isTrue();
        assertThat(in.displayName()).isEqualTo("Alice Runner");
        assertThat(in.receivedAt()).isEqualTo(Instant.ofEpochSecond(1764120000));
        assertThat(in.platformMessageId()).isEqualTo("17");
        assertThat(in.requestId()).isEqualTo("tg-912345001");
        assertThat(in.attachments()).isEmpty();
    }

    @Test
    void aGroupMentionGoesToTheCoreWithoutTheMention() {
        MappedUpdate.ForCore mapped = (MappedUpdate.ForCore) mapper.map(update("group_mention"));

        assertThat(mapped.chatId()).isEqualTo(GROUP);
        assertThat(mapped.inbound().text()).isEqualTo("how was my week?");
        assertThat(mapped.inbound().direct()).isFalse();
        assertThat(mapped.inbound().from().userId()).isEqualTo(Long.toString(BOB));
        assertThat(mapped.inbound().where().channelId()).isEqualTo(Long.toString(GROUP));
    }

    @Test
    void aGroupMessageMentioningSomeoneElseIsIgnored() {
        assertThat(mapper.map(update("group_not_for_bot"))).isInstanceOf(MappedUpdate.Ignored.class);
    }

    @Test
    void aGroupReplyToTheBotGoesToTheCore() {
        assertThat(forCore("group_reply_to_bot").text()).isEqualTo("and what about tomorrow?");
    }

    @Test
    void aGroupCommandForAnotherBotIsIgnored() {
        assertThat(mapper.map(update("group_command_other_bot"))).isInstanceOf(MappedUpdate.Ignored.class);
    }

    @Test
    void linkInAGroupIsRefusedWithAButtonOpeningThePrivateChatOnTheLinkFlow() {
        MappedUpdate.Answer answer = (MappedUpdate.Answer) mapper.map(update("group_link_command"));

        assertThat(answer.chatId()).isEqualTo(GROUP);
        assertThat(answer.reply().parts()).containsExactly(
                new Reply.Part.Text(ChannelTexts.GO_PRIVATE),
                new Reply.Part.LinkButton("Open a private chat", "https://t.me/pace42_bot?start=link"));
    }

    @Test
    void linkAfterAMentionIsRefusedInAGroupToo() {
        MappedUpdate mapped = mapper.map(Fixtures.parse(Fixtures.raw("group_mention")
                .replace("@pace42_bot how was my week?", "@pace42_bot /link")));

        assertThat(mapped).isInstanceOf(MappedUpdate.Answer.class);
        assertThat(((MappedUpdate.Answer) mapped).reply().plainText()).isEqualTo(ChannelTexts.GO_PRIVATE);
    }

    @Test
    void spacingOfAPrivateMessageIsKept() {
        MappedUpdate.ForCore mapped = (MappedUpdate.ForCore) mapper.map(
                Fixtures.privateText(912345200, ALICE, "Alice", "pace  5:10\n  then  5:00"));
        assertThat(mapped.inbound().text()).isEqualTo("pace  5:10\n  then  5:00");
    }

    @Test
    void theStartLinkDeepLinkOpensTheLinkFlow() {
        assertThat(forCore("start_link").text()).isEqualTo("/link");
    }

    @Test
    void aFitDocumentBecomesAnAttachmentWhoseContentIsFetchedByItsId() throws Exception {
        Inbound in = forCore("document_fit");

        assertThat(in.attachments()).hasSize(1);
        Attachment fit = in.attachments().get(0);
        assertThat(List.of(fit.fileName(), fit.mimeType(), fit.sizeBytes(), fit.platformFileId())).containsExactly(
                "Morning_Run.fit", "application/octet-stream", 48213L, "BQACAgQAAxkBAAIBZ2dGc0Q3RkZfZml0X2ZpbGVfaWQ");
        assertThat(new String(fit.read(1000))).isEqualTo("BQACAgQAAxkBAAIBZ2dGc0Q3RkZfZml0X2ZpbGVfaWQ");
        assertThat(in.text()).isEqualTo("this morning's tempo");
    }

    @Test
    void otherContentIsReportedAsWhatItIsForTheCoreToAnswer() {
        assertThat(forCore("photo").attachments()).singleElement()
                .satisfies(a -> assertThat(a.fileName()).isEqualTo("photo"));
        assertThat(forCore("voice").attachments()).singleElement()
                .satisfies(a -> assertThat(a.fileName()).isEqualTo("voice message"));
        assertThat(forCore("document_pdf").attachments()).singleElement()
                .satisfies(a -> assertThat(a.fileName()).endsWith(".pdf"));
    }

    @Test
    void editsCallbackQueriesAndUnknownUpdateTypesAreIgnored() {
        assertThat(mapper.map(update("edited_message"))).isInstanceOf(MappedUpdate.Ignored.class);
        assertThat(mapper.map(update("callback_query"))).isInstanceOf(MappedUpdate.Ignored.class);
        assertThat(mapper.map(update("unknown_type"))).isInstanceOf(MappedUpdate.Ignored.class);
    }

    @Test
    void malformedJsonIsNotAnUpdate() {
        assertThatThrownBy(() -> Fixtures.update("malformed")).hasRootCauseInstanceOf(
                com.fasterxml.jackson.core.io.JsonEOFException.class);
    }

    @Test
    void aSharedLocationIsReportedAsCoordinatesWithoutAnAttachment() {
        Inbound in = forCore("private_location");

        assertThat(in.location()).hasValueSatisfying(l -> {
            assertThat(l.latitude()).isEqualTo(52.517037);
            assertThat(l.longitude()).isEqualTo(13.388860);
            assertThat(l.placeName()).isEmpty();
            assertThat(l.live()).isFalse();
        });
        assertThat(in.attachments()).isEmpty();
        assertThat(in.text()).isEmpty();
        assertThat(in.direct()).isTrue();
    }

    @Test
    void aLiveLocationIsMarkedLive() {
        assertThat(forCore("private_live_location").location()).hasValueSatisfying(l -> {
            assertThat(l.latitude()).isEqualTo(-33.868820);
            assertThat(l.live()).isTrue();
        });
    }

    @Test
    void aVenueBringsItsTitle() {
        assertThat(forCore("private_venue").location()).hasValueSatisfying(l -> {
            assertThat(l.placeName()).isEqualTo("Tiergarten");
            assertThat(l.longitude()).isEqualTo(13.350044);
        });
    }

    @Test
    void aPlainTextHasNoLocation() {
        assertThat(forCore("private_text").location()).isEmpty();
    }
}
