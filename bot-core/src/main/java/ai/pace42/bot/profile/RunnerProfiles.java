package ai.pace42.bot.profile;

import ai.pace42.coach.model.AthleteProfile;
import java.time.Clock;
import java.time.Year;
import java.util.EnumMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The {@code athlete_profiles} table: one row per account, a column per {@link ProfileField}. */
public final class RunnerProfiles {

    private final Jdbi jdbi;
    private final Clock clock;

    public RunnerProfiles(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public RunnerProfile of(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM athlete_profiles WHERE account_id = :id")
                .bind("id", accountId).map((rs, ctx) -> {
                    Map<ProfileField, Integer> values = new EnumMap<>(ProfileField.class);
                    for (ProfileField f : ProfileField.values()) {
                        Object v = f == ProfileField.SEX ? sexOrdinal(rs.getString(f.column())) : rs.getObject(f.column());
                        if (v != null) {
                            values.put(f, ((Number) v).intValue());
                        }
                    }
                    return new RunnerProfile(values);
                }).findOne().orElse(RunnerProfile.empty()));
    }

    /** The account's values laid over what its data source knows ({@link RunnerProfile#over}), as the coach sees it. */
    public AthleteProfile over(String accountId, AthleteProfile fromData) {
        return of(accountId).over(fromData, Year.now(clock).getValue());
    }

    /** Sets one value (the stored number of {@link ProfileField#read}), creating the row on first use. */
    public void set(String accountId, ProfileField field, int value) {
        Object stored = field == ProfileField.SEX ? ai.pace42.coach.model.Sex.values()[value].name() : value;
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO athlete_profiles (account_id, updated_at) VALUES (:id, :now) "
                    + "ON CONFLICT (account_id) DO NOTHING").bind("id", accountId).bind("now", clock.millis()).execute();
            // The column name is the field's constant, never input.
            h.createUpdate("UPDATE athlete_profiles SET " + field.column() + " = :v, updated_at = :now WHERE account_id = :id")
                    .bind("v", stored).bind("now", clock.millis()).bind("id", accountId).execute();
        });
    }

    public void clear(String accountId, ProfileField field) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE athlete_profiles SET " + field.column()
                + " = NULL, updated_at = :now WHERE account_id = :id")
                .bind("now", clock.millis()).bind("id", accountId).execute());
    }

    public void clearAll(String accountId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM athlete_profiles WHERE account_id = :id")
                .bind("id", accountId).execute());
    }

    private static Integer sexOrdinal(String column) {
        return column == null ? null : ai.pace42.coach.model.Sex.valueOf(column).ordinal();
    }
}
