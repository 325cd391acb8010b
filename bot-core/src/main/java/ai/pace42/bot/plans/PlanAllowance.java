package ai.pace42.bot.plans;

/** How many plans an account may have active at once (the subscription decides; free accounts have one). */
@FunctionalInterface
public interface PlanAllowance {

    int activePlans(String accountId);

    /**
     * Brings the plans in line with the allowance before they are read: premium that ran out without a billing event
     * (an operator's grant, a period end) pauses the plans beyond the free allowance as a downgrade does, keeping
     * them. Returns how many were paused.
     */
    default int settle(String accountId) {
        return 0;
    }

    static PlanAllowance one() {
        return accountId -> 1;
    }
}
