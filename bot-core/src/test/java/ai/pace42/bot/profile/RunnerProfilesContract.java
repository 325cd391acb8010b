package ai.pace42.bot.profile;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.testing.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /profile store behaves the same on every database pace42 supports; subclasses supply the database. */
abstract class RunnerProfilesContract {

    protected abstract Jdbi database();

    private Jdbi jdbi;
    private RunnerProfiles profiles;

    @BeforeEach
    void setUp() {
        jdbi = database();
        TestDatabases.insertAccounts(jdbi, "acc_a", "acc_b");
        profiles = new RunnerProfiles(jdbi, Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void anAccountWithoutARowHasAnEmptyProfile() {
        assertThat(profiles.of("acc_a").isEmpty()).isTrue();
    }

    @Test
    void valuesAreKeptPerAccountAndOverwritten() {
        profiles.set("acc_a", ProfileField.MAX_HR, 190);
        profiles.set("acc_a", ProfileField.MAX_HR, 188);
        profiles.set("acc_a", ProfileField.SEX, 1);
        profiles.set("acc_a", ProfileField.THRESHOLD_PACE, 255);
        profiles.set("acc_b", ProfileField.LTHR, 171);

        assertThat(profiles.of("acc_a").values()).isEqualTo(Map.of(ProfileField.MAX_HR, 188, ProfileField.SEX, 1,
                ProfileField.THRESHOLD_PACE, 255));
        assertThat(profiles.of("acc_b").values()).isEqualTo(Map.of(ProfileField.LTHR, 171));
    }

    @Test
    void clearingOneValueKeepsTheOthersAndClearingAllEmptiesIt() {
        profiles.set("acc_a", ProfileField.MAX_HR, 188);
        profiles.set("acc_a", ProfileField.BIRTH_YEAR, 1986);

        profiles.clear("acc_a", ProfileField.MAX_HR);
        assertThat(profiles.of("acc_a").values()).isEqualTo(Map.of(ProfileField.BIRTH_YEAR, 1986));

        profiles.clearAll("acc_a");
        assertThat(profiles.of("acc_a").isEmpty()).isTrue();
    }

    @Test
    void deletingTheAccountDeletesItsProfile() {
        profiles.set("acc_a", ProfileField.RESTING_HR, 48);

        jdbi.useHandle(h -> h.execute("DELETE FROM accounts WHERE id = 'acc_a'"));

        long rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM athlete_profiles").mapTo(Long.class).one());
        assertThat(rows).isZero();
    }
}
