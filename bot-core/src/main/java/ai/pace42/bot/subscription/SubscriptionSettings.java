package ai.pace42.bot.subscription;

import java.time.Duration;
import java.util.List;

/**
 * Tier limits and billing webhook secrets, from configuration.
 *
 * @param freeQuestionsPerMonth coach questions a free account gets per UTC month
 * @param freeActivePlans       active plans a free account may follow at once
 * @param webhookSecrets        every secret a billing signature may be made with (several during rotation)
 * @param webhookTolerance      how far a signed timestamp may be from now
 * @param pastDueGrace          how long a failed payment keeps premium
 */
public record SubscriptionSettings(int freeQuestionsPerMonth, int freeActivePlans, List<String> webhookSecrets,
                                   Duration webhookTolerance, Duration pastDueGrace) {

    public SubscriptionSettings {
        webhookSecrets = List.copyOf(webhookSecrets);
    }

    public static SubscriptionSettings defaults() {
        return new SubscriptionSettings(50, 1, List.of(), Duration.ofMinutes(5), Duration.ofDays(7));
    }

    public SubscriptionSettings withSecrets(List<String> secrets) {
        return new SubscriptionSettings(freeQuestionsPerMonth, freeActivePlans, secrets, webhookTolerance, pastDueGrace);
    }
}
