package ai.pace42.bot.plans;

import java.time.Instant;
import java.util.Optional;

/** One proposed or applied change to a runner's plans, with the plan text before and after it. */
public record PlanChange(String id, String accountId, Optional<String> planId, Kind kind, String reason, Status status,
                         Optional<String> beforeBody, Optional<String> afterBody, Instant createdAt) {

    public enum Kind { CREATE, REPLACE, ADAPT, PAUSE, RESUME, STOP }

    public enum Status { PROPOSED, APPLIED, DECLINED, UNDONE }
}
