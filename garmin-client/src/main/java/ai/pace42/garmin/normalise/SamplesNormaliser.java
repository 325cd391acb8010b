package ai.pace42.garmin.normalise;

import ai.pace42.coach.model.Samples;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The details payload → column-wise samples. Channels are found by descriptor key, never by position (N8 of §4:
 * order differs per device); values are used as-is because Garmin's descriptor {@code factor} must not be applied.
 * Bad descriptors are skipped, short rows and nulls become NaN, rows whose time goes backwards are dropped.
 */
public final class SamplesNormaliser {

    private SamplesNormaliser() {
    }

    public static Samples normalise(JsonNode details) {
        return normalise(DetailRows.fromTree(details));
    }

    public static Samples normalise(DetailRows details) {
        List<double[]> rows = details.rows();
        if (rows.isEmpty()) {
            return Samples.empty();
        }
        Map<String, Integer> index = details.index();
        Integer ts = index.get("directTimestamp");
        Integer elapsedKey = firstOf(index, "sumElapsedDuration", "sumDuration", "sumMovingDuration");
        if (ts == null && elapsedKey == null) {
            return Samples.empty();
        }
        int n = rows.size();
        double[] elapsed = new double[n];
        double[] distance = column(index, "sumDistance", n);
        double[] speed = column(index, "directSpeed", n);
        double[] hr = column(index, "directHeartRate", n);
        double[] cadence = new double[n];
        double[] altitude = column(index, "directElevation", n);
        double[] lat = column(index, "directLatitude", n);
        double[] lon = column(index, "directLongitude", n);
        Integer doubleCad = index.get("directDoubleCadence");
        Integer runCad = index.get("directRunCadence");

        double t0 = Double.NaN;
        double last = Double.NEGATIVE_INFINITY;
        int kept = 0;
        for (double[] metrics : rows) {
            if (metrics == null) {
                continue;
            }
            double t;
            if (ts != null) {
                double raw = value(metrics, ts);
                if (Double.isNaN(raw)) {
                    continue;
                }
                if (Double.isNaN(t0)) {
                    t0 = raw;
                }
                t = (raw - t0) / 1000.0; // directTimestamp is epoch milliseconds
            } else {
                t = value(metrics, elapsedKey);
            }
            if (Double.isNaN(t) || t < last || t > 7 * 24 * 3600) {
                continue;
            }
            last = t;
            elapsed[kept] = t;
            fill(distance, kept, metrics, index.get("sumDistance"));
            fill(speed, kept, metrics, index.get("directSpeed"));
            fill(hr, kept, metrics, index.get("directHeartRate"));
            fill(altitude, kept, metrics, index.get("directElevation"));
            fill(lat, kept, metrics, index.get("directLatitude"));
            fill(lon, kept, metrics, index.get("directLongitude"));
            double spm = doubleCad != null ? value(metrics, doubleCad) : Double.NaN;
            if (Double.isNaN(spm) && runCad != null) {
                spm = value(metrics, runCad);
                // directRunCadence is per leg on the watches we have seen; steps/min are both feet.
                spm = spm < 120 ? spm * 2 : spm;
            }
            cadence[kept] = spm;
            kept++;
        }
        if (kept == 0) {
            return Samples.empty();
        }
        cleanHeartRate(hr, kept);
        boolean position = cleanPositions(lat, lon, kept);
        return Samples.builder(Arrays.copyOf(elapsed, kept))
                .distance(trim(distance, kept))
                .speed(trim(speed, kept))
                .heartRate(trim(hr, kept))
                .cadence(trim(cadence, kept))
                .altitude(trim(altitude, kept))
                .position(position ? trim(lat, kept) : null, position ? trim(lon, kept) : null)
                .build();
    }

    /** key → metricsIndex; descriptors with a missing, non-integer or negative index are ignored. */
    static Map<String, Integer> descriptorIndex(JsonNode descriptors) {
        Map<String, Integer> index = new HashMap<>();
        if (!descriptors.isArray()) {
            return index;
        }
        for (JsonNode d : descriptors) {
            Optional<String> key = Json.text(d, "key");
            var i = Json.whole(d, "metricsIndex");
            if (key.isPresent() && i.isPresent() && i.getAsLong() >= 0 && i.getAsLong() < 10_000) {
                index.putIfAbsent(key.get(), (int) i.getAsLong());
            }
        }
        return index;
    }

    private static Integer firstOf(Map<String, Integer> index, String... keys) {
        for (String k : keys) {
            if (index.containsKey(k)) {
                return index.get(k);
            }
        }
        return null;
    }

    private static double[] column(Map<String, Integer> index, String key, int n) {
        return index.containsKey(key) ? new double[n] : null;
    }

    private static void fill(double[] column, int at, double[] metrics, Integer i) {
        if (column != null) {
            column[at] = value(metrics, i);
        }
    }

    private static double value(double[] metrics, Integer i) {
        return i == null || i >= metrics.length ? Double.NaN : metrics[i];
    }

    /** HR 0 is "no reading", not a heart at rest (N29). */
    private static void cleanHeartRate(double[] hr, int n) {
        if (hr == null) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (hr[i] <= 0 || hr[i] > 260) {
                hr[i] = Double.NaN;
            }
        }
    }

    /** 0/0 and out-of-range coordinates are placeholders (indoor runs), not a place in the Gulf of Guinea. */
    private static boolean cleanPositions(double[] lat, double[] lon, int n) {
        if (lat == null || lon == null) {
            return false; // half a coordinate is no position
        }
        for (int i = 0; i < n; i++) {
            boolean bad = Double.isNaN(lat[i]) || Double.isNaN(lon[i]) || Math.abs(lat[i]) > 90
                    || Math.abs(lon[i]) > 180 || lat[i] == 0 && lon[i] == 0;
            if (bad) {
                lat[i] = Double.NaN;
                lon[i] = Double.NaN;
            }
        }
        return true;
    }

    /** The first {@code n} values, or absent when the channel is missing or holds no reading at all. */
    private static double[] trim(double[] column, int n) {
        if (column == null) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(column[i])) {
                return column.length == n ? column : Arrays.copyOf(column, n);
            }
        }
        return null;
    }
}
