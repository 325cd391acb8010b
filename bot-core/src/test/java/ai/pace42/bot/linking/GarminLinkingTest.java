package ai.pace42.bot.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.admin.AuditLog;
import ai.pace42.bot.channel.Adapters;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.data.AccountDataSources;
import ai.pace42.bot.data.DataSourceKind;
import ai.pace42.bot.secrets.LocalSecretStore;
import ai.pace42.bot.secrets.SecretStore;
import ai.pace42.bot.secrets.SecretStoreUnavailableException;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.RecordingAdapter;
import ai.pace42.bot.testing.RecordingLinkedSource;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finished link is staged, not used, until the chat that asked for it types the code the page showed: the
 * defence against a link asked for in one chat and forwarded to someone else's browser.
 */
class GarminLinkingTest {

    private static final PlatformIdentity ANA = PlatformIdentity.of(Platform.TELEGRAM, "100");
    private static final PlatformIdentity BEN = PlatformIdentity.of(Platform.TELEGRAM, "200");
    private static final Duration TTL = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T21:00:00Z"));
    private Jdbi jdbi;
    private OneTimeLinks links;
    private AccountDataSources sources;
    private LocalSecretStore secrets;
    private RecordingLinkedSource garmin;
    private RecordingAdapter telegram;
    private final List<String> warmedUp = new CopyOnWriteArrayList<>();
    private String accountId;

    @BeforeEach
    void setUp() {
        jdbi = TestDatabases.sqlite(dir);
        AccountService accounts = new AccountService(jdbi, clock);
        accountId = accounts.resolve(ANA, "Ana").id();
        accounts.resolve(BEN, "Ben");
        links = new OneTimeLinks(jdbi, clock, Duration.ofMinutes(15));
        garmin = new RecordingLinkedSource();
        sources = new AccountDataSources(jdbi, accounts, clock, garmin);
        secrets = TestSecretStores.local(jdbi, dir);
        telegram = new RecordingAdapter(Platform.TELEGRAM);
    }

    private GarminLinking linking(SecretStore store) {
        Adapters adapters = new Adapters();
        adapters.register(telegram);
        return new GarminLinking(links, new ChatConfirmations(jdbi, clock), TTL, store, sources, garmin,
                new AuditLog(jdbi, clock), adapters, warmedUp::add);
    }

    private String issue() {
        return links.issue("garmin", ANA, ConversationRef.direct(ANA), accountId, "Ana").token();
    }

    private static String other(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    @Test
    void aCompletedButUnconfirmedLinkGivesTheChatNoGarminData() {
        GarminLinking linking = linking(secrets);

        GarminLinking.Completed done = linking.complete(issue(), "Ana R.", "{\"t\":1}", "req-1").orElseThrow();

        assertThat(done.code()).matches("\\d{6}");
        assertThat(done.confirmBy()).isEqualTo(clock.instant().plus(TTL));
        assertThat(secrets.get(accountId, "garmin")).isEmpty();
        assertThat(sources.kindOf(accountId)).isEqualTo(DataSourceKind.NONE);
        // The asking chat learns that something happened, but neither the code nor whose Garmin it is.
        assertThat(telegram.last().where()).isEqualTo(ConversationRef.direct(ANA));
        assertThat(telegram.last().reply().plainText()).contains("/link confirm").doesNotContain("Ana R.")
                .doesNotContain(done.code());
        assertThat(warmedUp).isEmpty();
    }

    @Test
    void theRightCodeFromTheAskingChatActivatesTheLinkOnce() {
        GarminLinking linking = linking(secrets);
        String token = issue();
        GarminLinking.Completed done = linking.complete(token, "Ana R.", "{\"t\":1}", "req-1").orElseThrow();

        assertThat(linking.confirm(BEN, done.code(), "req-2")).isInstanceOf(GarminLinking.Confirmation.NothingWaiting.class);
        assertThat(linking.confirm(ANA, done.code(), "req-3"))
                .isEqualTo(new GarminLinking.Confirmation.Activated("Ana R."));

        assertThat(secrets.get(accountId, "garmin")).contains("{\"t\":1}");
        assertThat(secrets.get(accountId, GarminLinking.STAGED_SECRET)).isEmpty();
        assertThat(sources.kindOf(accountId)).isEqualTo(DataSourceKind.GARMIN);
        assertThat(warmedUp).containsExactly(accountId);
        assertThat(linking.confirm(ANA, done.code(), "req-4")).isInstanceOf(GarminLinking.Confirmation.NothingWaiting.class);
        assertThat(linking.complete(token, "Ana R.", "{\"t\":2}", "req-5")).isEmpty();
        assertThat(secrets.get(accountId, "garmin")).contains("{\"t\":1}");
    }

    @Test
    void wrongCodesAreRefusedAndTheFifthDropsTheStagedTokens() {
        GarminLinking linking = linking(secrets);
        GarminLinking.Completed done = linking.complete(issue(), "Ana R.", "{\"t\":1}", "req-1").orElseThrow();
        String wrong = other(done.code());

        assertThat(linking.confirm(ANA, wrong, "r")).isEqualTo(new GarminLinking.Confirmation.WrongCode(4));
        assertThat(linking.confirm(ANA, "not a code", "r")).isEqualTo(new GarminLinking.Confirmation.WrongCode(3));
        assertThat(linking.confirm(ANA, wrong, "r")).isEqualTo(new GarminLinking.Confirmation.WrongCode(2));
        assertThat(linking.confirm(ANA, wrong, "r")).isEqualTo(new GarminLinking.Confirmation.WrongCode(1));
        assertThat(linking.confirm(ANA, wrong, "r")).isInstanceOf(GarminLinking.Confirmation.Refused.class);

        assertThat(linking.confirm(ANA, done.code(), "r")).isInstanceOf(GarminLinking.Confirmation.NothingWaiting.class);
        assertThat(secrets.get(accountId, GarminLinking.STAGED_SECRET)).isEmpty();
        assertThat(secrets.get(accountId, "garmin")).isEmpty();
        assertThat(garmin.revoked()).containsExactly(accountId + " {\"t\":1}");
    }

    @Test
    void anExpiredConfirmationLeavesNothingStored() {
        GarminLinking linking = linking(secrets);
        GarminLinking.Completed done = linking.complete(issue(), "Ana R.", "{\"t\":1}", "req-1").orElseThrow();
        assertThat(secrets.get(accountId, GarminLinking.STAGED_SECRET)).isPresent();

        clock.advance(TTL.plusSeconds(1));

        assertThat(linking.purgeExpired()).isEqualTo(1);
        assertThat(secrets.get(accountId, GarminLinking.STAGED_SECRET)).isEmpty();
        assertThat(garmin.revoked()).containsExactly(accountId + " {\"t\":1}");
        assertThat(linking.confirm(ANA, done.code(), "r")).isInstanceOf(GarminLinking.Confirmation.NothingWaiting.class);
        assertThat(secrets.get(accountId, "garmin")).isEmpty();
        assertThat(sources.kindOf(accountId)).isEqualTo(DataSourceKind.NONE);
    }

    @Test
    void relinkingDeletesAndRevokesTheOldTokens() {
        GarminLinking linking = linking(secrets);
        GarminLinking.Completed first = linking.complete(issue(), "Ana R.", "{\"old\":1}", "r").orElseThrow();
        linking.confirm(ANA, first.code(), "r");

        GarminLinking.Completed second = linking.complete(issue(), "Ana R.", "{\"new\":2}", "r").orElseThrow();
        assertThat(secrets.get(accountId, "garmin")).as("still the old one until confirmed").contains("{\"old\":1}");
        linking.confirm(ANA, second.code(), "r");

        assertThat(secrets.get(accountId, "garmin")).contains("{\"new\":2}");
        assertThat(garmin.revoked()).containsExactly(accountId + " {\"old\":1}");
    }

    @Test
    void aSealedStoreRefusesBeforeTheLinkIsUsedSoTheRunnerCanRetry() {
        String token = issue();
        SecretStore sealed = LocalSecretStore.sealed(jdbi, clock, "no key");

        assertThatThrownBy(() -> linking(sealed).complete(token, "Ana R.", "{}", "req-3"))
                .isInstanceOf(SecretStoreUnavailableException.class);

        assertThat(links.peek("garmin", token)).isPresent();
        assertThat(sources.kindOf(accountId)).isEqualTo(DataSourceKind.NONE);
        assertThat(telegram.sent()).isEmpty();
    }
}
