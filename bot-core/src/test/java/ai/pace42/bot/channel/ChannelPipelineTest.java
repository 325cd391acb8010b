package ai.pace42.bot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The one path of every platform: redeliveries answered once, replies and notices in conversation order. */
class ChannelPipelineTest {

    private static final PlatformIdentity ANA = PlatformIdentity.of(Platform.TELEGRAM, "1");

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final Function<Reply, CompletableFuture<Void>> sender = reply -> {
        sent.add(reply.plainText());
        return CompletableFuture.completedFuture(null);
    };

    @Test
    void aRedeliveryIsSeenAsSuch() {
        ChannelPipeline pipeline = new ChannelPipeline(Platform.TELEGRAM, InboundDeliveries.inMemory(10));

        assertThat(pipeline.firstDelivery("41")).isTrue();
        assertThat(pipeline.firstDelivery("41")).isFalse();
        assertThat(pipeline.firstDelivery("42")).isTrue();
    }

    @Test
    void aNoticeWaitsForTheAnswerStillBeingPreparedInItsConversationButNotForOthers() {
        ChannelPipeline pipeline = new ChannelPipeline(Platform.TELEGRAM, InboundDeliveries.inMemory(10));
        CompletableFuture<Reply> slowAnswer = new CompletableFuture<>();
        pipeline.start(inbound -> slowAnswer);

        CompletableFuture<Void> answer = pipeline.answer("chat-1", Inbound.directText(ANA, "how was my run?", "r1"),
                sender);
        CompletableFuture<Void> notice = pipeline.notice("chat-1", Reply.text("Garmin connected"), sender);
        pipeline.notice("chat-2", Reply.text("someone else's notice"), sender).join();

        assertThat(sent).containsExactly("someone else's notice");
        assertThat(notice).isNotDone();

        slowAnswer.complete(Reply.text("a good run"));
        notice.join();

        assertThat(answer).isCompleted();
        assertThat(sent).containsExactly("someone else's notice", "a good run", "Garmin connected");
    }

    @Test
    void stoppingRefusesNewMessagesAndReportsWhatIsStillInFlight() {
        ChannelPipeline pipeline = new ChannelPipeline(Platform.SLACK, InboundDeliveries.inMemory(10));
        CompletableFuture<Reply> never = new CompletableFuture<>();
        pipeline.start(inbound -> never);
        pipeline.answer("c", Inbound.directText(ANA, "hi", "r"), sender);

        assertThat(pipeline.running()).isTrue();
        assertThat(pipeline.stop(Duration.ZERO)).isEqualTo(1);
        assertThat(pipeline.running()).isFalse();
    }
}
