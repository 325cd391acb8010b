package ai.pace42.telegram;

import ai.pace42.bot.testing.TestCore;
import ai.pace42.bot.BotCore;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.sample.SampleAthlete;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted measurement, not a test: the time from a private "Analyze my last run" update reaching the adapter
 * to WireMock receiving the sendPhoto request, with the real core, the deterministic coach on the sample athlete
 * (warm after the first answers) and SQLite. Run with
 * {@code java -cp <test classpath> ai.pace42.telegram.SendPhotoLatency [warmup] [measured]}.
 */
public final class SendPhotoLatency {

    private SendPhotoLatency() {
    }

    private static BotCore coreOn(Path dir, DeterministicCoach coach) {
        org.jdbi.v3.core.Jdbi jdbi = ai.pace42.bot.testing.TestDatabases.sqlite(dir);
        return BotCore.create(jdbi, sources -> coach, ai.pace42.bot.testing.TestSecretStores.local(jdbi, dir),
                BotCore.Settings.defaults().withWorkers(4, 100), java.time.Clock.systemUTC());
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path dir = Files.createTempDirectory("pace42-latency");
        SampleAthlete athlete = SampleAthlete.withSystemClock();
        BlockingQueue<Long> photoArrivals = new ArrayBlockingQueue<>(1000);
        try (BotApiStub api = new BotApiStub();
             BotCore core = coreOn(dir, new DeterministicCoach(id -> Optional.of(athlete)))) {
            api.server.addMockServiceRequestListener((request, response) -> {
                if (request.getUrl().toLowerCase(Locale.ROOT).endsWith("/sendphoto")) {
                    photoArrivals.add(System.nanoTime());
                }
            });
            // One runner asking again and again: lift the per-chat pacing so it measures the pipeline itself.
            TelegramSettings settings = api.pollingSettings().withLimits(
                    new TelegramSettings.SendLimits(1000.0, 10, 1000.0, Duration.ofMillis(20), 3));
            TelegramAdapter adapter = new TelegramAdapter(new TelegramSettings(settings.token(),
                    settings.apiBaseUrl(), TelegramSettings.Mode.WEBHOOK, TelegramAdapterTest.WEBHOOK,
                    TelegramAdapterTest.SECRET, List.of(), settings.limits()), core.commands());
            BlockingQueue<Long> coreDone = new ArrayBlockingQueue<>(1000);
            adapter.start(in -> core.dispatcher().onInbound(in).whenComplete((r, e) -> coreDone.add(System.nanoTime())));
            List<Double> millis = new ArrayList<>();
            List<Double> afterCore = new ArrayList<>();
            for (int i = 0; i < warmup + measured; i++) {
                long start = System.nanoTime();
                adapter.process(Fixtures.privateText(913000000 + i, Fixtures.ALICE, "Alice", "Analyze my last run"))
                        .get(30, TimeUnit.SECONDS);
                Long arrived = photoArrivals.poll(30, TimeUnit.SECONDS);
                if (arrived == null) {
                    throw new IllegalStateException("no sendPhoto for iteration " + i);
                }
                long answered = coreDone.poll(30, TimeUnit.SECONDS);
                if (i >= warmup) {
                    millis.add((arrived - start) / 1e6);
                    afterCore.add((arrived - answered) / 1e6);
                }
            }
            adapter.stop();
            // The same question straight to the core, to tell the coach's share from the adapter's.
            List<Double> coreMillis = new ArrayList<>();
            for (int i = 0; i < measured; i++) {
                long start = System.nanoTime();
                core.dispatcher().onInbound(new MappedUpdateProbe().inbound(914000000 + i)).get(30, TimeUnit.SECONDS);
                coreMillis.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(coreMillis);
            Collections.sort(millis);
            Collections.sort(afterCore);
            System.out.printf(Locale.ROOT, "update -> sendPhoto request, %d runs after %d warm-up:%n", measured, warmup);
            System.out.printf(Locale.ROOT, "  min %.1f ms, median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    millis.get(0), pct(millis, 50), pct(millis, 90), pct(millis, 99), millis.get(millis.size() - 1));
            System.out.printf(Locale.ROOT, "  of which after the core answered (render, queue, upload): median %.1f ms, p90 %.1f ms%n",
                    pct(afterCore, 50), pct(afterCore, 90));
            System.out.printf(Locale.ROOT, "core alone (dispatcher -> Reply with chart): median %.1f ms, p90 %.1f ms%n",
                    pct(coreMillis, 50), pct(coreMillis, 90));
        }
    }

    /** The Inbound the adapter would build for the same update. */
    private static final class MappedUpdateProbe {
        ai.pace42.bot.channel.Inbound inbound(int updateId) {
            MappedUpdate mapped = Fixtures.mapper().map(
                    Fixtures.privateText(updateId, Fixtures.ALICE, "Alice", "Analyze my last run"));
            return ((MappedUpdate.ForCore) mapped).inbound();
        }
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
