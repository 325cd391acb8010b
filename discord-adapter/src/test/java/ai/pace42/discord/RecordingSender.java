package ai.pace42.discord;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link DiscordSender} that records every call in order; "ack" entries are written by {@link #ack()}. */
final class RecordingSender implements DiscordSender {

    /** One call: what it was, where it went, the message, and for follow-ups whether it was ephemeral. */
    record Call(String kind, String target, OutboundMessage message, boolean ephemeral) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile RuntimeException failWith;

    /** An acknowledger that records its deferral in the same log, so tests can check what came first. */
    Acknowledger ack() {
        return ephemeral -> {
            calls.add(new Call("ack", "", null, ephemeral));
            return CompletableFuture.completedFuture(null);
        };
    }

    private CompletableFuture<Void> record(Call call) {
        calls.add(call);
        RuntimeException failure = failWith;
        return failure == null ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(failure);
    }

    @Override
    public CompletableFuture<Void> toChannel(String channelId, String userId, OutboundMessage message) {
        return record(new Call("channel", channelId, message, false));
    }

    @Override
    public CompletableFuture<Void> toUser(String userId, OutboundMessage message) {
        return record(new Call("user", userId, message, false));
    }

    @Override
    public CompletableFuture<Void> editOriginal(InteractionRef interaction, OutboundMessage message) {
        return record(new Call("edit", interaction.applicationId(), message, false));
    }

    @Override
    public CompletableFuture<Void> followUp(InteractionRef interaction, OutboundMessage message, boolean ephemeral) {
        return record(new Call("followUp", interaction.applicationId(), message, ephemeral));
    }

    List<String> kinds() {
        return calls.stream().map(Call::kind).toList();
    }

    String allText() {
        StringBuilder sb = new StringBuilder();
        for (Call c : calls) {
            if (c.message() != null) {
                sb.append(c.message().content()).append('\n');
            }
        }
        return sb.toString();
    }
}
