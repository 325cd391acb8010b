package ai.pace42.garmin.corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * One hand-labelled row of {@code real-recordings/labels.csv} (see that folder's README). Public for the server's
 * tests, which send every recording through the {@code analyze} command and the chat upload path.
 */
public record RealRecording(String file, String device, String type, Set<String> accept, OptionalDouble distanceM,
                     OptionalDouble timerS, OptionalDouble avgHr, int reps, String notes) {

    static final String ROOT = "/real-recordings/";

    public static List<RealRecording> all() {
        List<RealRecording> out = new ArrayList<>();
        for (String line : new String(resource("labels.csv"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split(";", -1);
            out.add(new RealRecording(c[0], c[1], c[2], Set.copyOf(Arrays.asList(c[3].split(","))), number(c[4]),
                    number(c[5]), number(c[6]), Integer.parseInt(c[7]), c[8]));
        }
        return out;
    }

    /** The recording as uploaded: gzipped sources are unpacked, as a chat upload of the inner file would be. */
    public byte[] bytes() {
        byte[] raw = resource(file);
        if (!file.endsWith(".gz")) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A recorded Garmin Connect API payload, read through the sync's mapping rather than uploaded. */
    public boolean isGarminConnectJson() {
        return format().equals("json");
    }

    /** The recordings a runner could upload as a file (everything but the Garmin Connect payloads). */
    public static List<RealRecording> uploads() {
        return all().stream().filter(r -> !r.isGarminConnectJson()).toList();
    }

    public String uploadName() {
        String base = file.substring(file.lastIndexOf('/') + 1);
        return base.endsWith(".gz") ? base.substring(0, base.length() - 3) : base;
    }

    String format() {
        String n = uploadName().toLowerCase(java.util.Locale.ROOT);
        return n.substring(n.lastIndexOf('.') + 1);
    }

    @Override
    public String toString() {
        return file;
    }

    private static OptionalDouble number(String s) {
        return s.isBlank() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(s));
    }

    private static byte[] resource(String name) {
        try (InputStream in = RealRecording.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("missing corpus file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
