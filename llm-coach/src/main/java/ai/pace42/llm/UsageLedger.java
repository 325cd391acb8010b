package ai.pace42.llm;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;

/** Model tokens per account and calendar month (UTC), table {@code llm_usage_monthly}: the monthly budget. */
final class UsageLedger {

    record Month(long answers, long tokensIn, long tokensOut) {
        long total() {
            return tokensIn + tokensOut;
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;

    UsageLedger(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    void record(String accountId, long tokensIn, long tokensOut) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO llm_usage_monthly (account_id, month, answers, tokens_in, "
                        + "tokens_out) VALUES (:a, :m, 1, :in, :out) ON CONFLICT (account_id, month) DO UPDATE SET "
                        + "answers = llm_usage_monthly.answers + 1, tokens_in = llm_usage_monthly.tokens_in + :in, "
                        + "tokens_out = llm_usage_monthly.tokens_out + :out")
                .bind("a", accountId).bind("m", month()).bind("in", tokensIn).bind("out", tokensOut).execute());
    }

    Month thisMonth(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT answers, tokens_in, tokens_out FROM llm_usage_monthly "
                        + "WHERE account_id = :a AND month = :m").bind("a", accountId).bind("m", month())
                .map((rs, ctx) -> new Month(rs.getLong(1), rs.getLong(2), rs.getLong(3))).findOne()
                .orElse(new Month(0, 0, 0)));
    }

    private String month() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC)).toString();
    }
}
