package ai.pace42.bot.subscription;

import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** {@code /subscription}: tier, questions used this month and when they reset, renewal date. */
public final class SubscriptionCommand implements Command {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final Subscriptions subscriptions;

    public SubscriptionCommand(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public String name() {
        return "subscription";
    }

    @Override
    public String usage() {
        return "/subscription";
    }

    @Override
    public String summary() {
        return "Your tier, questions used this month and the renewal date";
    }

    @Override
    public Reply run(CommandContext context) {
        Subscriptions.State s = subscriptions.state(context.account().id());
        StringBuilder sb = new StringBuilder("**Subscription:** ").append(s.tier() == Subscriptions.Tier.PREMIUM ? "premium" : "free");
        if (s.tier() == Subscriptions.Tier.PREMIUM) {
            sb.append("\n- **Coach questions this month:** ").append(s.questionsThisMonth()).append(" (no limit)");
            s.paidUntil().ifPresent(t -> sb.append("\n- **").append("cancelled".equals(s.status()) ? "Ends" : "Renews").append(" on:** ")
                    .append(t.atZone(ZoneOffset.UTC).format(DAY)));
            if ("past_due".equals(s.status())) {
                sb.append("\n- The last payment failed: premium continues until then; update your payment details to keep it.");
            }
            sb.append("\n- **Active plans:** no limit");
        } else {
            sb.append("\n- **Coach questions this month:** ").append(s.questionsThisMonth()).append(" of ").append(s.questionLimit())
                    .append(", resetting on ").append(s.resetsOn().format(DAY));
            sb.append("\n- **Active plans:** ").append(subscriptions.settings().freeActivePlans());
            sb.append("\n- Premium has no question limit and any number of active plans.");
        }
        return Reply.text(sb.toString());
    }
}
