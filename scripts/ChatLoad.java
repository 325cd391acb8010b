import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for a running pace42 server on this machine (single-file launcher, JDK only; replaces the curl
 * loop of the old perf-smoke.sh). Closed loop: each simulated user is its own browser (own keep-alive HTTP/1.1
 * client, own cookie, so its own account), chooses the sample athlete, then asks the questions of the mix in
 * turn. A warm-up phase is run and discarded, then the measured phase runs for a duration or a request count.
 * Reports answers/s, p50/p95/p99/max latency, errors (transport and non-2xx), 5xx, answers without the chart
 * they should have, bytes per answer, and the load average before and after.
 *
 * Telegram mode: the server runs with telegram.mode=webhook and telegram.apiUrl pointing at the Bot API stub this
 * program starts on 127.0.0.1 (a minimal JDK HTTP server; see docs/performance.md for why not WireMock here); each
 * user is a private chat that posts signed updates to /telegram/webhook and the latency is from the POST to the
 * adapter's sendPhoto for that chat arriving at the stub.
 *
 * Loopback only: every URL must be 127.0.0.1/localhost. Bounded: at most 64 users and 600 s per phase.
 *
 * java scripts/ChatLoad.java chat     base users warmupSeconds seconds|xN [question|question...]
 * java scripts/ChatLoad.java telegram base users warmupSeconds seconds|xN stubPort secret [question|...]
 * ("x2000" = stop after 2,000 measured answers instead of after a duration)
 */
public final class ChatLoad {

    static final List<String> DEFAULT_MIX = List.of("Analyze my last run", "Compare my last 3 runs",
            "How is my fitness trending?", "What should I run tomorrow?");
    static final int MAX_USERS = 64;
    static final long MAX_SECONDS = 600;

    public static void main(String[] args) {
        try {
            execute(args);
        } catch (Exception e) {
            System.err.println("load run failed: " + e);
            System.exit(1); // also ends the Bot API stub's threads
        }
    }

    static void execute(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: chat|telegram base users warmupSeconds seconds|xN [...]");
            System.exit(2);
        }
        String mode = args[0];
        URI base = URI.create(args[1].replaceAll("/+$", ""));
        requireLoopback(base);
        int users = Math.min(MAX_USERS, Integer.parseInt(args[2]));
        long warmup = Math.min(MAX_SECONDS, Long.parseLong(args[3]));
        Phase measured = Phase.parse(args[4]);
        Run run;
        if (mode.equals("chat")) {
            run = new ChatRun(base, mix(args, 5));
        } else if (mode.equals("telegram")) {
            run = new TelegramRun(base, Integer.parseInt(args[5]), args[6], mix(args, 7));
        } else {
            throw new IllegalArgumentException("mode is chat or telegram");
        }
        System.out.printf(Locale.ROOT, "mode=%s users=%d warmup=%ds measured=%s mix=%s%n", mode, users, warmup,
                args[4], run.mix());
        try {
            int prefill = Math.min(5_000, Integer.getInteger("prefill", 0));
            if (prefill > 0 && run instanceof ChatRun chat) {
                prefill(chat, prefill, users);
            }
            List<User> all = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                all.add(run.user(i));
            }
            drive(all, new Phase(warmup, Long.MAX_VALUE), null);
            Stats stats = new Stats();
            double load = loadAverage();
            long serverCpu0 = serverCpuMillis(), ownCpu0 = ownCpuMillis();
            long t0 = System.nanoTime();
            drive(all, measured, stats);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long serverCpu = serverCpuMillis() - serverCpu0, ownCpu = ownCpuMillis() - ownCpu0;
            stats.print(seconds, load, loadAverage());
            int n = stats.nanos.size();
            if (n > 0 && serverCpu0 >= 0) {
                double perAnswer = (double) serverCpu / n;
                int cores = Runtime.getRuntime().availableProcessors();
                System.out.printf(Locale.ROOT, "server CPU per answer: %.2f ms (all its threads, /proc); load client: %.2f ms;"
                        + " so %d idle cores give at most %.0f answers/s to the server alone%n", perAnswer,
                        (double) ownCpu / n, cores, cores * 1000 / Math.max(0.001, perAnswer));
            }
            System.exit(stats.errors.get() > 0 ? 1 : 0);
        } finally {
            run.close();
        }
    }

    /** Other accounts that chose the sample and asked once, so the server's caches are full (-Dprefill=1000). */
    static void prefill(ChatRun run, int accounts, int parallel) throws InterruptedException {
        long t0 = System.nanoTime();
        AtomicLong next = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<String, Integer> why = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(parallel);
        var pool = Executors.newFixedThreadPool(parallel);
        for (int p = 0; p < parallel; p++) {
            pool.execute(() -> {
                try {
                    long i;
                    while ((i = next.getAndIncrement()) < accounts) {
                        try {
                            ChatUser u = (ChatUser) run.user((int) i);
                            Result r = u.ask();
                            if (r.error() != null) {
                                failed.incrementAndGet();
                                why.merge(r.error(), 1, Integer::sum);
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            why.merge(String.valueOf(e.getMessage()).replaceAll(".*: ", ""), 1, Integer::sum);
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdownNow();
        System.out.printf(Locale.ROOT, "prefill: %d accounts with /sample and one question in %.1f s, %d failed %s%n",
                accounts, (System.nanoTime() - t0) / 1e9, failed.get(), why.isEmpty() ? "" : why);
    }

    /** Per-request time-out; -Drequest.timeout=90 for a loaded machine, where 16 users' first /sample queue up. */
    static final long REQUEST_TIMEOUT_S = Long.getLong("request.timeout", 30);

    static List<String> mix(String[] args, int at) {
        return args.length > at && !args[at].isBlank() ? List.of(args[at].split("\\|")) : DEFAULT_MIX;
    }

    static void requireLoopback(URI uri) throws IOException {
        if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("loopback only: " + uri);
        }
    }

    /** The server's CPU time (user + system, all threads) from /proc; -1 without -Dserver.pid or /proc. */
    static long serverCpuMillis() {
        String pid = System.getProperty("server.pid", "");
        if (pid.isBlank()) {
            return -1;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long ownCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** A duration (seconds) or a count of answers ("x2000"), whichever the argument gives. */
    record Phase(long seconds, long count) {
        static Phase parse(String s) {
            return s.startsWith("x") ? new Phase(MAX_SECONDS, Long.parseLong(s.substring(1)))
                    : new Phase(Math.min(MAX_SECONDS, Long.parseLong(s)), Long.MAX_VALUE);
        }
    }

    /** Runs every user in a closed loop until the phase ends; records into stats unless it is the warm-up. */
    static void drive(List<User> users, Phase phase, Stats stats) throws InterruptedException {
        if (phase.seconds() <= 0) {
            return;
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(phase.seconds());
        AtomicLong started = new AtomicLong();
        CountDownLatch done = new CountDownLatch(users.size());
        var pool = Executors.newFixedThreadPool(users.size());
        for (User u : users) {
            pool.execute(() -> {
                try {
                    while (System.nanoTime() < end && started.incrementAndGet() <= phase.count()) {
                        Result r = u.ask();
                        if (stats != null) {
                            stats.add(r);
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdownNow();
    }

    record Result(long nanos, int status, long bytes, boolean chartMissing, String error) {
    }

    interface User {
        Result ask();
    }

    interface Run extends AutoCloseable {
        User user(int index) throws Exception;

        List<String> mix();

        @Override
        default void close() {
        }
    }

    static final class Stats {
        final List<Long> nanos = new ArrayList<>();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong serverErrors = new AtomicLong();
        final AtomicLong missingCharts = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final Map<String, Integer> errorKinds = new ConcurrentHashMap<>();

        synchronized void add(Result r) {
            nanos.add(r.nanos());
            bytes.addAndGet(r.bytes());
            if (r.error() != null) {
                errors.incrementAndGet();
                errorKinds.merge(r.error(), 1, Integer::sum);
            }
            if (r.status() >= 500) {
                serverErrors.incrementAndGet();
            }
            if (r.chartMissing()) {
                missingCharts.incrementAndGet();
            }
        }

        synchronized void print(double seconds, double loadBefore, double loadAfter) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            int n = sorted.length;
            System.out.printf(Locale.ROOT, "answers=%d in %.1f s: %.1f answers/s%n", n, seconds, n / seconds);
            if (n > 0) {
                System.out.printf(Locale.ROOT, "latency ms: p50=%.1f p95=%.1f p99=%.1f max=%.1f%n", ms(sorted, 0.50),
                        ms(sorted, 0.95), ms(sorted, 0.99), sorted[n - 1] / 1e6);
                System.out.printf(Locale.ROOT, "bytes per answer: %d%n", bytes.get() / n);
            }
            System.out.printf(Locale.ROOT, "errors=%d 5xx=%d answers-without-chart=%d %s%n", errors.get(),
                    serverErrors.get(), missingCharts.get(), errorKinds.isEmpty() ? "" : errorKinds);
            System.out.printf(Locale.ROOT, "load average (1 min) before=%.2f after=%.2f on %d cores%n", loadBefore,
                    loadAfter, Runtime.getRuntime().availableProcessors());
        }

        static double ms(long[] sorted, double q) {
            return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] / 1e6;
        }
    }

    // ---- browser chat API -------------------------------------------------------------------------------------

    static final class ChatRun implements Run {
        final URI chat;
        final List<String> mix;

        ChatRun(URI base, List<String> mix) {
            this.chat = base.resolve("/api/v1/chat");
            this.mix = mix;
        }

        @Override
        public List<String> mix() {
            return mix;
        }

        @Override
        public User user(int index) throws Exception {
            ChatUser u = new ChatUser(chat, mix, index);
            // A mix of commands only (e.g. /help) needs no data: the user's first command creates the account.
            Result r = mix.stream().allMatch(m -> m.startsWith("/")) ? u.send("/help", false) : u.send("/sample", false);
            if (r.error() != null) {
                throw new IllegalStateException("user " + index + " could not start (/sample or /help): " + r.error());
            }
            return u;
        }
    }

    static final class ChatUser implements User {
        static final Pattern COOKIE = Pattern.compile("^([^=;]+=[^;]*)");
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        final URI chat;
        final List<String> mix;
        int next;
        String cookie;

        ChatUser(URI chat, List<String> mix, int index) {
            this.chat = chat;
            this.mix = mix;
            this.next = index % mix.size();
        }

        @Override
        public Result ask() {
            String q = mix.get(next);
            next = (next + 1) % mix.size();
            return send(q, !q.startsWith("/"));
        }

        Result send(String message, boolean wantsChart) {
            String body = "{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
            HttpRequest.Builder b = HttpRequest.newBuilder(chat).timeout(Duration.ofSeconds(REQUEST_TIMEOUT_S))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            long t0 = System.nanoTime();
            try {
                HttpResponse<byte[]> res = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                long nanos = System.nanoTime() - t0;
                res.headers().firstValue("set-cookie").map(COOKIE::matcher).filter(Matcher::find)
                        .ifPresent(m -> cookie = m.group(1));
                String text = new String(res.body(), StandardCharsets.UTF_8);
                boolean ok = res.statusCode() / 100 == 2;
                boolean missing = ok && wantsChart && !text.contains("\"image/png\"");
                return new Result(nanos, res.statusCode(), res.body().length, missing,
                        ok ? null : "http " + res.statusCode());
            } catch (IOException e) {
                return new Result(System.nanoTime() - t0, 0, 0, false, e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(System.nanoTime() - t0, 0, 0, false, "interrupted");
            }
        }
    }

    // ---- Telegram webhook -------------------------------------------------------------------------------------

    /**
     * The Bot API as far as the adapter uses it, on 127.0.0.1: every method answers ok; sendPhoto and sendMessage
     * hand the chat id (and the photo's size) to whoever waits for that chat.
     */
    static final class TelegramRun implements Run {
        static final Pattern CHAT_ID_FORM = Pattern.compile("name=\"chat_id\"\\r\\n(?:[^\\r\\n]*\\r\\n)*\\r\\n(-?\\d+)");
        static final Pattern CHAT_ID_JSON = Pattern.compile("\"chat_id\"\\s*:\\s*\"?(-?\\d+)");
        final URI webhook;
        final String secret;
        final List<String> mix;
        final HttpServer stub;
        final java.util.concurrent.ExecutorService stubThreads = Executors.newFixedThreadPool(8);
        final Map<Long, BlockingQueue<long[]>> sent = new ConcurrentHashMap<>();
        final AtomicLong updateIds = new AtomicLong(1_000);

        TelegramRun(URI base, int stubPort, String secret, List<String> mix) throws IOException {
            this.webhook = base.resolve("/telegram/webhook");
            this.secret = secret;
            this.mix = mix;
            stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), stubPort), 256);
            stub.setExecutor(stubThreads);
            stub.createContext("/", this::botApi);
            stub.start();
            awaitServer(base);
        }

        /** The server starts after the stub (it calls getMe at start): wait until it accepts connections. */
        static void awaitServer(URI base) throws IOException {
            HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < end) {
                try {
                    probe.send(HttpRequest.newBuilder(base.resolve("/")).GET().build(), HttpResponse.BodyHandlers.discarding());
                    return;
                } catch (IOException e) {
                    sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
            throw new IOException("the server did not come up in 180 s");
        }

        @Override
        public List<String> mix() {
            return mix;
        }

        void botApi(HttpExchange ex) throws IOException {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = ex.getRequestURI().getPath();
            String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT); // TelegramBots: "getme"
            String text = new String(body, StandardCharsets.ISO_8859_1);
            long chat = chatId(text);
            String result = switch (method) {
                case "getme" -> "{\"id\":4242,\"is_bot\":true,\"first_name\":\"pace42\",\"username\":\"pace42_load_bot\"}";
                case "sendphoto", "sendmessage" -> "{\"message_id\":" + updateIds.incrementAndGet()
                        + ",\"date\":" + System.currentTimeMillis() / 1000 + ",\"chat\":{\"id\":" + chat
                        + ",\"type\":\"private\"}}";
                default -> "true";
            };
            byte[] out = ("{\"ok\":true,\"result\":" + result + "}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
            if (method.equals("sendphoto") || method.equals("sendmessage")) {
                sent.computeIfAbsent(chat, c -> new LinkedBlockingQueue<>())
                        .add(new long[] {System.nanoTime(), method.equals("sendphoto") ? body.length : -body.length});
            }
        }

        static long chatId(String body) {
            Matcher m = CHAT_ID_FORM.matcher(body);
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
            m = CHAT_ID_JSON.matcher(body);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        }

        @Override
        public User user(int index) throws Exception {
            TelegramUser u = new TelegramUser(this, 7_000_000L + index, index);
            Result r = u.send("/sample", false);
            for (int tries = 0; tries < 60 && r.status() == 503; tries++) { // the adapter is still starting
                sleep(1_000);
                r = u.send("/sample", false);
            }
            if (r.error() != null) {
                throw new IllegalStateException("chat " + index + " got no reply to /sample: " + r.error());
            }
            return u;
        }

        @Override
        public void close() {
            stub.stop(0);
            stubThreads.shutdownNow(); // non-daemon threads: the program would not exit after a failure
        }
    }

    static final class TelegramUser implements User {
        /** The adapter sends about one message a second per chat after a burst; a user waits that long. */
        static final long PACE_MS = 1_100;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final TelegramRun run;
        final long chat;
        int next;

        TelegramUser(TelegramRun run, long chat, int index) {
            this.run = run;
            this.chat = chat;
            this.next = index % run.mix.size();
        }

        @Override
        public Result ask() {
            String q = run.mix.get(next);
            next = (next + 1) % run.mix.size();
            Result r = send(q, true);
            sleep(PACE_MS);
            return r;
        }

        Result send(String text, boolean wantsPhoto) {
            BlockingQueue<long[]> replies = run.sent.computeIfAbsent(chat, c -> new LinkedBlockingQueue<>());
            replies.clear();
            long id = run.updateIds.incrementAndGet();
            String update = "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":"
                    + System.currentTimeMillis() / 1000 + ",\"from\":{\"id\":" + chat
                    + ",\"is_bot\":false,\"first_name\":\"Load\"},\"chat\":{\"id\":" + chat
                    + ",\"type\":\"private\",\"first_name\":\"Load\"},\"text\":\"" + text + "\"}}";
            long t0 = System.nanoTime();
            try {
                HttpResponse<Void> res = http.send(HttpRequest.newBuilder(run.webhook).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("X-Telegram-Bot-Api-Secret-Token", run.secret)
                        .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.discarding());
                if (res.statusCode() / 100 != 2) {
                    return new Result(System.nanoTime() - t0, res.statusCode(), 0, false, "webhook " + res.statusCode());
                }
                // The answer is the photo (questions) or the first message (commands); texts after a photo are ignored.
                while (true) {
                    long[] got = replies.poll(30, TimeUnit.SECONDS);
                    if (got == null) {
                        return new Result(System.nanoTime() - t0, 0, 0, false, "no reply in 30 s");
                    }
                    if (!wantsPhoto || got[1] > 0) {
                        return new Result(got[0] - t0, 200, Math.abs(got[1]), false, null);
                    }
                }
            } catch (IOException e) {
                return new Result(System.nanoTime() - t0, 0, 0, false, e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(System.nanoTime() - t0, 0, 0, false, "interrupted");
            }
        }
    }
}
