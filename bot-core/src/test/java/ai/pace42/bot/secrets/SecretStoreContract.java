package ai.pace42.bot.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What every secret store promises; each implementation runs this suite. */
abstract class SecretStoreContract {

    /** A store ready for use; accounts {@code acc_a} and {@code acc_b} exist. */
    protected abstract SecretStore store();

    @Test
    void storesAndReturnsAnyText() {
        String value = "{\"access\":\"tok-é🏃‍♀️\",\"note\":\"שלום\",\"refresh\":\"r1\"}";
        store().put("acc_a", "garmin", value);

        assertThat(store().get("acc_a", "garmin")).contains(value);
    }

    @Test
    void replacesAnExistingValue() {
        store().put("acc_a", "garmin", "first");
        store().put("acc_a", "garmin", "second");

        assertThat(store().get("acc_a", "garmin")).contains("second");
    }

    @Test
    void aMissingSecretIsEmptyNotAnError() {
        assertThat(store().get("acc_a", "never-written")).isEmpty();
    }

    @Test
    void accountsNeverSeeEachOthersSecrets() {
        store().put("acc_a", "garmin", "token-of-a");
        store().put("acc_b", "garmin", "token-of-b");

        assertThat(store().get("acc_a", "garmin")).contains("token-of-a");
        assertThat(store().get("acc_b", "garmin")).contains("token-of-b");
        store().delete("acc_a", "garmin");
        assertThat(store().get("acc_b", "garmin")).contains("token-of-b");
    }

    @Test
    void deleteRemovesForGoodAndIsIdempotent() {
        store().put("acc_a", "garmin", "gone soon");
        store().delete("acc_a", "garmin");
        store().delete("acc_a", "garmin");

        assertThat(store().get("acc_a", "garmin")).isEmpty();
    }

    @Test
    void listsEveryNameOfOneAccountAndOnlyThat() {
        store().put("acc_a", "garmin", "t1");
        store().put("acc_a", "flow:oauth-approval:4f2a", "t2");
        store().put("acc_b", "garmin", "t3");

        assertThat(store().names("acc_a")).containsExactly("flow:oauth-approval:4f2a", "garmin");
        store().delete("acc_a", "garmin");
        store().delete("acc_a", "flow:oauth-approval:4f2a");
        assertThat(store().names("acc_a")).isEmpty();
        assertThat(store().names("acc_b")).containsExactly("garmin");
    }

    @Test
    void reportsHealthy() {
        assertThat(store().health().healthy()).isTrue();
    }
}
