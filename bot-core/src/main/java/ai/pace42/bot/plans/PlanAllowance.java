package ai.pace42.bot.plans;

/** How many plans an account may have active at once (the subscription decides; free accounts have one). */
@FunctionalInterface
public interface PlanAllowance {

    int activePlans(String accountId);

    static PlanAllowance one() {
        return accountId -> 1;
    }
}
