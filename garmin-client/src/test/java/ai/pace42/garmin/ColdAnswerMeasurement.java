package ai.pace42.garmin;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.UnitSystem;
import ai.pace42.garmin.api.GarminHttp;
import ai.pace42.garmin.sync.GarminActivitySources;
import ai.pace42.garmin.sync.InMemoryActivityCache;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Scripted measurement (not a test; Surefire excludes *Measurement): the first "analyze my last run" right after a
 * Garmin link with 16 weeks of history (80 runs, 5 a week), Garmin played by WireMock on loopback with
 * recorded-shape payloads (garmin-connect.md §3.2-3.6: list pages of 20, details downsampled to one row every 5 s,
 * laps, weather). Each round is a new account, a new cache and a new coach, so nothing is warm but the JVM.
 * Reports wall time (including WireMock's loopback responses, an upper bound), the answering thread's CPU time,
 * and the share of wall time spent waiting for Garmin calls. Figures go to docs/performance.md.
 *
 * mvn -B -ntp -q -pl garmin-client -am test-compile, then run with the module's test classpath:
 * java -cp garmin-client/target/test-classes:garmin-client/target/classes:coach-engine/target/classes:$(cat cp.txt) \
 *      ai.pace42.garmin.ColdAnswerMeasurement [rounds=20]
 */
public final class ColdAnswerMeasurement extends GarminWireMock {

    static final String LIST = "/activitylist-service/activities/search/activities";
    static final int WEEKS = 16;
    static final int RUNS = WEEKS * 5;
    static final Instant NOW = Instant.parse("2026-11-20T19:00:00Z");
    static final DateTimeFormatter GARMIN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        ColdAnswerMeasurement m = new ColdAnswerMeasurement();
        m.startWireMock();
        try {
            m.stub();
            m.run(rounds);
        } finally {
            m.stopWireMock();
        }
        System.exit(0);
    }

    void stub() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            items.add(item(i));
        }
        for (int page = 0; page * 20 <= RUNS; page++) {
            List<String> slice = items.subList(page * 20, Math.min(RUNS, page * 20 + 20));
            wm.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("start", equalTo(String.valueOf(page * 20)))
                    .willReturn(okJson("[" + String.join(",", slice) + "]")));
        }
        wm.stubFor(get(urlPathMatching("/activity-service/activity/\\d+/details")).willReturn(okJson(details(0))));
        wm.stubFor(get(urlPathMatching("/activity-service/activity/\\d+/splits")).willReturn(okJson("{\"lapDTOs\":[],\"eventDTOs\":[]}")));
        wm.stubFor(get(urlPathMatching("/activity-service/activity/\\d+/weather")).willReturn(okJson("""
            {"issueDate":"2026-11-19T11:00:00.000+00:00","temp":50,"apparentTemp":48,"dewPoint":40,
             "relativeHumidity":70,"windDirection":200,"windDirectionCompassPoint":"ssw","windSpeed":8,
             "weatherTypeDTO":{"desc":"Cloudy"}}""")));
    }

    void run(int rounds) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        GarminHttp http = new GarminHttp(config, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                java.time.Clock.fixed(NOW, ZoneOffset.UTC));
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        double[] ours = new double[rounds];
        int warm = 5;
        for (int r = -warm; r < rounds; r++) {
            String account = "cold-" + r + "-" + System.nanoTime();
            link(account, "token-" + account, "refresh-" + account, Instant.now().plus(Duration.ofDays(500)));
            GarminActivitySources sources = new GarminActivitySources(http, store, new InMemoryActivityCache(), java.time.Clock.fixed(NOW, ZoneOffset.UTC));
            DeterministicCoach coach = new DeterministicCoach(sources::resolve);
            long c0 = mx.getCurrentThreadCpuTime();
            java.util.Map<Long, Long> p0 = pace42Threads(mx);
            long t0 = System.nanoTime();
            CoachAnswer a = coach.answer(new CoachQuestion(account, "Analyze my last run", UnitSystem.METRIC,
                    ZoneId.of("Europe/Amsterdam"), NOW, "req-cold"));
            long t1 = System.nanoTime();
            long c1 = mx.getCurrentThreadCpuTime();
            java.util.Map<Long, Long> p1 = pace42Threads(mx);
            if (a.charts().isEmpty()) {
                throw new IllegalStateException("the cold answer has no chart: " + a.text());
            }
            if (r >= 0) {
                wall[r] = (t1 - t0) / 1e6;
                cpu[r] = (c1 - c0) / 1e6;
                long sum = 0;
                for (var e : p1.entrySet()) {
                    sum += e.getValue() - p0.getOrDefault(e.getKey(), 0L);
                }
                ours[r] = sum / 1e6;
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        Arrays.sort(ours);
        System.out.printf(Locale.ROOT, "cold first answer after a Garmin link, %d weeks = %d runs, %d rounds:%n", WEEKS, RUNS, rounds);
        System.out.printf(Locale.ROOT, "  wall ms (incl. WireMock): median %.1f p90 %.1f max %.1f%n", wall[rounds / 2],
                wall[(int) (rounds * 0.9)], wall[rounds - 1]);
        System.out.printf(Locale.ROOT, "  answering thread CPU ms (the Garmin calls run on the answer budget's pool): median %.1f p90 %.1f%n",
                cpu[rounds / 2], cpu[(int) (rounds * 0.9)]);
        System.out.printf(Locale.ROOT, "  CPU ms of every thread but WireMock's (answer + Garmin client pool, JSON, normalising): median %.1f p90 %.1f%n",
                ours[rounds / 2], ours[(int) (rounds * 0.9)]);
        System.out.printf(Locale.ROOT, "  WireMock requests served: %d; load average %.2f on %d cores%n",
                wm.getAllServeEvents().size(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** CPU time by thread id of every live thread that is not WireMock's (Jetty "qtp…") nor the JVM's own. */
    static java.util.Map<Long, Long> pace42Threads(ThreadMXBean mx) {
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && !t.getThreadName().startsWith("qtp") && !t.getThreadName().contains("Acceptor")
                    && !t.getThreadName().startsWith("Signal") && !t.getThreadName().startsWith("Finalizer")
                    && !t.getThreadName().startsWith("Reference")) {
                out.put(t.getThreadId(), mx.getThreadCpuTime(t.getThreadId()));
            }
        }
        return out;
    }

    /** Run i days back: newest first, 5 a week, 40-70 min at 5:00-6:00 /km. */
    static String item(int i) {
        long id = 42_000_000_000L + RUNS - i;
        LocalDateTime start = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC).minusHours(10).minusDays(i * 7L / 5)
                .withMinute(0).withSecond(0);
        double moving = 2400 + (i * 37 % 30) * 60;
        double speed = 1000.0 / (300 + (i * 13 % 60));
        double distance = moving * speed;
        return ("""
            {"activityId":%d,"activityName":"Run %d","startTimeLocal":"%s","startTimeGMT":"%s",
             "activityType":{"typeId":1,"typeKey":"running","parentTypeId":17,"isHidden":false},
             "eventType":{"typeId":9,"typeKey":"uncategorized"},"distance":%.1f,"duration":%.1f,
             "elapsedDuration":%.1f,"movingDuration":%.1f,"elevationGain":40.0,"elevationLoss":38.0,
             "averageSpeed":%.3f,"averageMovingSpeed":%.3f,"averageHR":%d.0,"maxHR":%d.0,
             "averageRunningCadenceInStepsPerMinute":168.0,"beginTimestamp":%d,"ownerId":%d,
             "ownerDisplayName":"runner","lapCount":1,"hasSplits":false,"manualActivity":false}""").formatted(
                id, i, GARMIN_TIME.format(start), GARMIN_TIME.format(start), distance, moving + 10, moving + 30,
                moving, speed, speed, 140 + i % 15, 165 + i % 15, start.toInstant(ZoneOffset.UTC).toEpochMilli(),
                Fixtures.OWNER);
    }

    /** The newest run's samples as Garmin serves them: one row every 5 s, with noise on speed, HR and altitude. */
    static String details(int i) {
        ObjectNode root = Fixtures.M.createObjectNode();
        root.put("activityId", 42_000_000_000L + RUNS - i);
        ArrayNode desc = root.putArray("metricDescriptors");
        String[] keys = {"directTimestamp", "directSpeed", "sumDistance", "directHeartRate", "directElevation"};
        for (int k = 0; k < keys.length; k++) {
            desc.addObject().put("metricsIndex", k).put("key", keys[k]).putObject("unit").put("key", "x");
        }
        ArrayNode rows = root.putArray("activityDetailMetrics");
        Random noise = new Random(42);
        long t0 = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC).minusHours(10).withMinute(0).withSecond(0)
                .toInstant(ZoneOffset.UTC).toEpochMilli();
        double moving = 2400;
        int n = (int) (moving / 5);
        double dist = 0;
        for (int r = 0; r < n; r++) {
            double speed = 1000.0 / 300 + noise.nextGaussian() * 0.15;
            dist += r == 0 ? 0 : speed * 5;
            ArrayNode m = rows.addObject().putArray("metrics");
            m.add(t0 + r * 5000L).add(speed).add(dist).add(135 + 20.0 * r / n + noise.nextGaussian() * 2)
                    .add(30 + 10 * Math.sin(r / 40.0) + noise.nextGaussian());
        }
        return root.toString();
    }
}
