package ai.pace42.bot.location;

import ai.pace42.coach.weather.HomeLocations;
import ai.pace42.coach.weather.Place;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Runners' home locations and the choices /location offered them, in the database so every instance sees them.
 * Implements the coach's {@link HomeLocations} port. Never logs coordinates.
 */
public final class HomeLocationStore implements HomeLocations {

    /** How long an offered choice (an ambiguous name's candidates, a proposed run start) waits for a pick. */
    public static final Duration CHOICE_TTL = Duration.ofMinutes(30);

    private final Jdbi jdbi;
    private final Clock clock;

    public HomeLocationStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Optional<Place> home(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT name, region, country, latitude, longitude, time_zone "
                        + "FROM home_locations WHERE account_id = :id").bind("id", accountId)
                .map((rs, ctx) -> place(rs)).findOne());
    }

    public void set(String accountId, Place place) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM home_locations WHERE account_id = :id").bind("id", accountId).execute();
            h.createUpdate("INSERT INTO home_locations (account_id, name, region, country, latitude, longitude, "
                            + "time_zone, set_at) VALUES (:id, :name, :region, :country, :lat, :lon, :zone, :at)")
                    .bind("id", accountId).bind("name", place.name()).bind("region", place.region())
                    .bind("country", place.country()).bind("lat", place.latitude()).bind("lon", place.longitude())
                    .bind("zone", place.zone().getId()).bind("at", clock.millis()).execute();
            clearChoices(h, accountId);
        });
    }

    /** @return true when there was one to forget */
    public boolean clear(String accountId) {
        return jdbi.inTransaction(h -> {
            clearChoices(h, accountId);
            return h.createUpdate("DELETE FROM home_locations WHERE account_id = :id").bind("id", accountId).execute() > 0;
        });
    }

    @Override
    public void propose(String accountId, Place place) {
        offer(accountId, List.of(place));
    }

    /** Replaces what was offered before; choice numbers start at 1. */
    public void offer(String accountId, List<Place> choices) {
        long expires = clock.instant().plus(CHOICE_TTL).toEpochMilli();
        jdbi.useTransaction(h -> {
            clearChoices(h, accountId);
            for (int i = 0; i < choices.size(); i++) {
                Place p = choices.get(i);
                h.createUpdate("INSERT INTO location_choices (account_id, choice_no, name, region, country, latitude, "
                                + "longitude, time_zone, expires_at) VALUES (:id, :no, :name, :region, :country, :lat, :lon, "
                                + ":zone, :exp)")
                        .bind("id", accountId).bind("no", i + 1).bind("name", p.name()).bind("region", p.region())
                        .bind("country", p.country()).bind("lat", p.latitude()).bind("lon", p.longitude())
                        .bind("zone", p.zone().getId()).bind("exp", expires).execute();
            }
        });
    }

    /** The offered choices still waiting, in order. */
    public List<Place> choices(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT name, region, country, latitude, longitude, time_zone "
                        + "FROM location_choices WHERE account_id = :id AND expires_at > :now ORDER BY choice_no")
                .bind("id", accountId).bind("now", clock.millis()).map((rs, ctx) -> place(rs)).list());
    }

    private static void clearChoices(Handle h, String accountId) {
        h.createUpdate("DELETE FROM location_choices WHERE account_id = :id").bind("id", accountId).execute();
    }

    private static Place place(java.sql.ResultSet rs) throws java.sql.SQLException {
        ZoneId zone;
        try {
            zone = ZoneId.of(rs.getString("time_zone"));
        } catch (DateTimeException e) {
            zone = ZoneOffset.UTC;
        }
        return new Place(rs.getString("name"), rs.getString("region"), rs.getString("country"),
                rs.getDouble("latitude"), rs.getDouble("longitude"), zone);
    }
}
