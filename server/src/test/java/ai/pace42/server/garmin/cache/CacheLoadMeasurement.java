package ai.pace42.server.garmin.cache;

import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.garmin.Fixtures;
import ai.pace42.garmin.TestActivities;
import ai.pace42.garmin.sync.AccountCache;
import ai.pace42.garmin.sync.ActivityCodec;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jdbi.v3.core.Jdbi;

/**
 * A scripted measurement (not a test; figures go to garmin-client/PERFORMANCE.md): the size of a two-hour 1 Hz run
 * in the cache, and how long loading it from the database takes on SQLite and PostgreSQL, cold (new cache
 * instance, as after a restart) and from the in-memory front. Run with the server's test classpath.
 */
public final class CacheLoadMeasurement {

    private CacheLoadMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        Activity run = TestActivities.twoHourRun();
        byte[] bytes = ActivityCodec.encode(run);
        String json = new ObjectMapper().writeValueAsString(Map.of("t", run.samples().elapsedS(),
                "d", run.samples().distanceM(), "v", run.samples().speedMps(), "hr", nanToNull(run.samples().heartRate()),
                "c", run.samples().cadenceSpm(), "a", run.samples().altitudeM(), "lat", run.samples().latitude(),
                "lon", run.samples().longitude()));
        System.out.printf("2 h 1 Hz run: %d samples x 8 channels; raw doubles %,d B; codec %,d B; samples as JSON %,d B%n",
                run.samples().size(), run.samples().size() * 8 * 8, bytes.length, json.length());
        measure("SQLite", TestDatabases.sqlite(Files.createTempDirectory("pace42-measure")), run);
        measure("PostgreSQL", TestDatabases.postgres(), run);
        System.exit(0);
    }

    private static double[] nanToNull(double[] v) {
        return Arrays.stream(v).map(x -> Double.isNaN(x) ? 0 : x).toArray();
    }

    private static void measure(String name, Jdbi jdbi, Activity run) {
        String account = new AccountService(jdbi, Clock.systemUTC())
                .resolve(PlatformIdentity.of(Platform.TELEGRAM, "m"), "M").id();
        AccountCache writer = new JdbiActivityCache(jdbi, Clock.systemUTC()).account(account);
        List<AccountCache.ListedRun> listed = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            listed.add(new AccountCache.ListedRun(new ActivityHeader("a" + i, "Run " + i, null,
                    java.util.Optional.of(Instant.parse("2026-06-01T07:00:00Z").plus(Duration.ofDays(i))
                            .atZone(java.time.ZoneOffset.UTC)), OptionalDouble.of(3600), OptionalDouble.of(10000)),
                    Fixtures.json(Fixtures.listItem(30000000000L + i, "running", 1, "2026-06-01 07:00:00"))));
        }
        long t0 = System.nanoTime();
        writer.putListed(listed);
        long listWrite = System.nanoTime() - t0;
        t0 = System.nanoTime();
        writer.putActivity(run);
        long write = System.nanoTime() - t0;

        for (int i = 0; i < 20; i++) { // warm the JIT and the connection
            new JdbiActivityCache(jdbi, Clock.systemUTC()).account(account).activity(run.id()).orElseThrow();
            writer.headers();
        }
        double[] cold = new double[50];
        double[] headers = new double[50];
        double[] front = new double[50];
        JdbiActivityCache warm = new JdbiActivityCache(jdbi, Clock.systemUTC());
        warm.account(account).activity(run.id()).orElseThrow();
        for (int i = 0; i < cold.length; i++) {
            long s = System.nanoTime();
            new JdbiActivityCache(jdbi, Clock.systemUTC()).account(account).activity(run.id()).orElseThrow();
            cold[i] = (System.nanoTime() - s) / 1e6;
            s = System.nanoTime();
            if (writer.headers().size() != 120) {
                throw new IllegalStateException("headers");
            }
            headers[i] = (System.nanoTime() - s) / 1e6;
            s = System.nanoTime();
            warm.account(account).activity(run.id()).orElseThrow();
            front[i] = (System.nanoTime() - s) / 1e6;
        }
        System.out.printf("%s: write activity %.1f ms, write 120 listed runs %.1f ms; load 2 h run from the DB "
                        + "median %.2f ms (p90 %.2f); from the in-memory front median %.4f ms; 120 headers median %.2f ms "
                        + "(p90 %.2f)%n", name, write / 1e6, listWrite / 1e6, median(cold), p90(cold), median(front),
                median(headers), p90(headers));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double p90(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) (s.length * 0.9)];
    }
}
