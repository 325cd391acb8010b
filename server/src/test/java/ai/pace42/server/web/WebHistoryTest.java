package ai.pace42.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.TestDatabases;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser chat's kept conversation: in order, per browser, bounded, and gone with its identity. */
class WebHistoryTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private Jdbi jdbi;
    private AccountService accounts;
    private WebHistory history;
    private final PlatformIdentity ana = PlatformIdentity.of(Platform.WEB, "a".repeat(32));
    private final PlatformIdentity ben = PlatformIdentity.of(Platform.WEB, "b".repeat(32));

    @BeforeEach
    void setUp() {
        jdbi = TestDatabases.sqlite(dir);
        accounts = new AccountService(jdbi, clock);
        accounts.resolve(ana, "");
        accounts.resolve(ben, "");
        history = new WebHistory(jdbi, clock, new ObjectMapper());
    }

    private static List<ChatResponse.PartJson> text(String t) {
        return List.of(ChatResponse.said(t));
    }

    @Test
    void messagesComeBackInOrderForTheirOwnBrowserOnly() {
        long first = history.append(ana, "runner", text("How was my run?"));
        history.append(ben, "runner", text("not Ana's"));
        long answer = history.append(ana, "coach", text("Good."));

        assertThat(history.after(ana, 0)).extracting(WebHistory.Entry::author, e -> e.parts().get(0).text())
                .containsExactly(tuple("runner", "How was my run?"), tuple("coach", "Good."));
        assertThat(history.after(ana, first)).extracting(WebHistory.Entry::seq).containsExactly(answer);
    }

    @Test
    void onlyTheNewestMessagesAreKept() {
        for (int i = 0; i < WebHistory.KEPT + 5; i++) {
            history.append(ana, "runner", text("message " + i));
        }

        List<WebHistory.Entry> kept = history.after(ana, 0);
        assertThat(kept).hasSize(WebHistory.KEPT);
        assertThat(kept.get(0).parts().get(0).text()).isEqualTo("message 5");
        assertThat(kept.get(kept.size() - 1).parts().get(0).text()).isEqualTo("message " + (WebHistory.KEPT + 4));
    }

    @Test
    void aQuestionAndItsAnswerAreStoredTogetherInOrderAndTrimmedOnce() {
        for (int i = 0; i < WebHistory.KEPT - 1; i++) {
            history.append(ana, "runner", text("old " + i));
        }

        long[] seqs = history.appendAll(ana, List.of(new WebHistory.Message("runner", text("How was my run?")),
                new WebHistory.Message("coach", text("Good."))));

        List<WebHistory.Entry> kept = history.after(ana, 0);
        assertThat(seqs).hasSize(2);
        assertThat(seqs[1]).isGreaterThan(seqs[0]);
        assertThat(kept).hasSize(WebHistory.KEPT);
        assertThat(kept.get(0).parts().get(0).text()).isEqualTo("old 1");
        assertThat(kept.subList(kept.size() - 2, kept.size()))
                .extracting(WebHistory.Entry::seq, WebHistory.Entry::author, e -> e.parts().get(0).text())
                .containsExactly(tuple(seqs[0], "runner", "How was my run?"), tuple(seqs[1], "coach", "Good."));
    }

    @Test
    void deletingTheAccountDeletesItsBrowserHistory() {
        history.append(ana, "runner", text("private"));
        String account = accounts.find(ana).orElseThrow().id();

        jdbi.useHandle(h -> h.execute("DELETE FROM accounts WHERE id = ?", account));

        int left = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM web_chat_history")
                .mapTo(Integer.class).one());
        assertThat(history.after(ana, 0)).isEmpty();
        assertThat(left).isZero();
    }
}
