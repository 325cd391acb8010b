import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load half of scripts/oversized-body-load.sh (run with the single-file launcher, no dependencies):
 * attackers send 19 MB chat bodies (with Content-Length and chunked) and slow bodies, while one normal user asks
 * /help; the admin port's heap gauge is sampled throughout. Loopback only, bounded by a duration.
 * Arguments: host appPort adminPort seconds oversizedParallel slowParallel
 */
public final class OversizedBodyLoad {

    static final long BODY_BYTES = 19L * 1024 * 1024;
    static final Pattern HEAP = Pattern.compile("\"jvm\\.memory\\.heap\\.used\"\\s*:\\s*\\{\\s*\"value\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int admin = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        int oversized = Integer.parseInt(args[4]);
        int slow = Integer.parseInt(args[5]);
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("loopback only");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ConcurrentHashMap<String, AtomicInteger> attackOutcomes = new ConcurrentHashMap<>();
        AtomicLong heapMax = new AtomicLong();
        AtomicInteger heapSamples = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

        ExecutorService pool = Executors.newFixedThreadPool(oversized + slow + 2);
        for (int i = 0; i < oversized; i++) {
            boolean chunked = i % 2 == 1;
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    String outcome = oversizedPost(host, port, chunked);
                    attackOutcomes.computeIfAbsent((chunked ? "chunked " : "content-length ") + outcome,
                            k -> new AtomicInteger()).incrementAndGet();
                }
            });
        }
        for (int i = 0; i < slow; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    String outcome = slowPost(host, port, deadline);
                    attackOutcomes.computeIfAbsent("slow " + outcome, k -> new AtomicInteger()).incrementAndGet();
                }
            });
        }
        pool.submit(() -> {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
            while (System.nanoTime() < deadline) {
                long start = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                    URI.create("http://" + host + ":" + port + "/api/v1/chat"))
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"/help\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("/status")) {
                        answered.incrementAndGet();
                        latencies.add((System.nanoTime() - start) / 1_000_000);
                    } else {
                        failed.incrementAndGet();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
                sleep(200);
            }
        });
        pool.submit(() -> {
            HttpClient http = HttpClient.newHttpClient();
            while (System.nanoTime() < deadline) {
                try {
                    String metrics = http.send(HttpRequest.newBuilder(
                                    URI.create("http://" + host + ":" + admin + "/metrics"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
                    Matcher m = HEAP.matcher(metrics);
                    if (m.find()) {
                        heapMax.accumulateAndGet(Long.parseLong(m.group(1)), Math::max);
                        heapSamples.incrementAndGet();
                    }
                } catch (Exception e) {
                    // a missed sample; the count shows how many were taken
                }
                sleep(250);
            }
        });
        pool.shutdown();
        pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("duration=%ds oversized_parallel=%d slow_parallel=%d%n", seconds, oversized, slow);
        attackOutcomes.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf("attack %s: %d%n", e.getKey(), e.getValue().get()));
        System.out.printf("heap_high_water_mb=%.1f heap_samples=%d%n", heapMax.get() / 1048576.0, heapSamples.get());
        System.out.printf("other_user answered=%d failed=%d p50=%dms p95=%dms max=%dms%n", answered.get(),
                failed.get(), pct(sorted, 50), pct(sorted, 95), sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1));
        System.exit(answered.get() > 0 && failed.get() == 0 ? 0 : 1);
    }

    /** One 19 MB POST; the outcome is the status the server answered, or how the connection ended. */
    static String oversizedPost(String host, int port, boolean chunked) {
        try (Socket s = new Socket(host, port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            String head = "POST /api/v1/chat HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + BODY_BYTES + "\r\n")
                    + "Connection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            chunk[0] = '{';
            String sizeLine = Integer.toHexString(chunk.length) + "\r\n";
            long sent = 0;
            try {
                while (sent < BODY_BYTES) {
                    if (chunked) {
                        out.write(sizeLine.getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(chunk);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    chunk[0] = ' ';
                    sent += chunk.length;
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (java.io.IOException e) {
                // the server stopped reading (it answered and closed): read what it said
            }
            return status(s.getInputStream());
        } catch (java.io.IOException e) {
            return "connection " + e.getClass().getSimpleName();
        }
    }

    /** Declares a small body and sends it one byte every 2 s until the server gives up or time is up. */
    static String slowPost(String host, int port, long deadline) {
        try (Socket s = new Socket(host, port)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/chat HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 60000\r\nConnection: close\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try {
                for (int i = 0; i < 59_998 && System.nanoTime() < deadline; i++) {
                    sleep(2000);
                    out.write(' ');
                    out.flush();
                }
            } catch (java.io.IOException e) {
                // the server timed the body out
            }
            return status(s.getInputStream());
        } catch (java.io.IOException e) {
            return "connection " + e.getClass().getSimpleName();
        }
    }

    static String status(InputStream in) {
        try {
            byte[] head = in.readNBytes(12);
            String line = new String(head, StandardCharsets.US_ASCII);
            return line.startsWith("HTTP/1.1 ") ? "HTTP " + line.substring(9, 12) : "no answer";
        } catch (java.io.IOException e) {
            return "no answer (" + e.getClass().getSimpleName() + ")";
        }
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.round(p / 100.0 * (sorted.size() - 1))));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
