package ai.pace42.server;

import ai.pace42.bot.subscription.SubscriptionSettings;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Tier limits and the billing webhook's signing secrets (several while one is rotated). */
public class SubscriptionsConfig {

    @JsonProperty
    @Min(0)
    private int freeQuestionsPerMonth = 50;

    @JsonProperty
    @Min(1)
    private int freeActivePlans = 1;

    /** Empty: the billing webhook rejects every event. */
    @JsonProperty
    private List<String> webhookSecrets = new ArrayList<>();

    @JsonProperty
    @Min(1)
    private int webhookToleranceSeconds = 300;

    @JsonProperty
    @Min(0)
    private int pastDueGraceDays = 7;

    public SubscriptionSettings settings() {
        return new SubscriptionSettings(freeQuestionsPerMonth, freeActivePlans,
                webhookSecrets.stream().filter(s -> s != null && !s.isBlank()).toList(),
                Duration.ofSeconds(webhookToleranceSeconds), Duration.ofDays(pastDueGraceDays));
    }
}
