package ai.pace42.bot.subscription;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.CoachService;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.intent.Intent;
import ai.pace42.coach.intent.IntentRecognizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The free tier's monthly question limit in front of the coach. Help and the medical safety answer are never
 * gated or counted; a question counts once the coach has answered it (an exception counts nothing). Commands never
 * come through here, so /help, /status, /unlink and /delete are never gated.
 */
public final class QuestionGate extends ai.pace42.bot.conversation.CoachDecorator {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

    private final Subscriptions subscriptions;

    public QuestionGate(CoachService coach, Subscriptions subscriptions) {
        super(coach);
        this.subscriptions = subscriptions;
    }

    @Override
    public CoachAnswer answer(CoachQuestion q) {
        Intent intent = IntentRecognizer.recognize(q.text(), q.askedAt().atZone(q.zone()).toLocalDate());
        if (intent instanceof Intent.Help || intent instanceof Intent.Medical) {
            return coach.answer(q);
        }
        if (subscriptions.tier(q.accountId()) == Subscriptions.Tier.FREE) {
            Subscriptions.State s = subscriptions.state(q.accountId());
            if (s.questionsThisMonth() >= s.questionLimit()) {
                return CoachAnswer.text("You have used your " + s.questionLimit() + " coach questions for this month on the free plan; "
                        + "they reset on " + s.resetsOn().format(DAY) + ". Premium has no limit: see /subscription. Commands such as "
                        + "/status and /help keep working. (code SUBSCRIPTION_QUESTION_LIMIT"
                        + (q.requestId().isEmpty() ? "" : ", request " + q.requestId()) + ")");
            }
        }
        CoachAnswer answer = coach.answer(q);
        subscriptions.recordQuestion(q.accountId());
        return answer;
    }

}
