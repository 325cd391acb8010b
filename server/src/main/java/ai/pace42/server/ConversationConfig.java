package ai.pace42.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How much conversation work runs at once. */
public class ConversationConfig {

    @JsonProperty
    @Min(1)
    @Max(256)
    private int workerThreads = 8;

    @JsonProperty
    @Min(1)
    private int maxPending = 500;

    @JsonProperty
    @Min(1)
    private int replyTimeoutSeconds = 60;

    public int workerThreads() {
        return workerThreads;
    }

    public int maxPending() {
        return maxPending;
    }

    public int replyTimeoutSeconds() {
        return replyTimeoutSeconds;
    }
}
