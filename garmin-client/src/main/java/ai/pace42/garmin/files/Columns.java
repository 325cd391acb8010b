package ai.pace42.garmin.files;

import ai.pace42.coach.model.Samples;

import java.util.Arrays;

/**
 * Growable sample columns for streaming parsers: one {@link #add} per record, NaN for a missing reading; columns
 * that never got a reading are dropped on {@link #build()}.
 */
final class Columns {

    private double[] t = new double[1024];
    private double[] dist = new double[1024];
    private double[] speed = new double[1024];
    private double[] hr = new double[1024];
    private double[] cad = new double[1024];
    private double[] alt = new double[1024];
    private double[] lat = new double[1024];
    private double[] lon = new double[1024];
    private int n;

    /** Records going back in time are dropped, so the elapsed column stays ordered. */
    void add(double elapsedS, double distanceM, double speedMps, double heartRate, double cadenceSpm,
             double altitudeM, double latitude, double longitude) {
        if (Double.isNaN(elapsedS) || n > 0 && elapsedS < t[n - 1]) {
            return;
        }
        if (n == t.length) {
            int cap = n * 2;
            t = Arrays.copyOf(t, cap);
            dist = Arrays.copyOf(dist, cap);
            speed = Arrays.copyOf(speed, cap);
            hr = Arrays.copyOf(hr, cap);
            cad = Arrays.copyOf(cad, cap);
            alt = Arrays.copyOf(alt, cap);
            lat = Arrays.copyOf(lat, cap);
            lon = Arrays.copyOf(lon, cap);
        }
        boolean position = !Double.isNaN(latitude) && !Double.isNaN(longitude) && Math.abs(latitude) <= 90
                && Math.abs(longitude) <= 180 && !(latitude == 0 && longitude == 0);
        t[n] = elapsedS;
        dist[n] = distanceM >= 0 ? distanceM : Double.NaN;
        speed[n] = speedMps >= 0 && speedMps < 15 ? speedMps : Double.NaN;
        hr[n] = heartRate > 0 && heartRate < 260 ? heartRate : Double.NaN;
        cad[n] = cadenceSpm > 0 && cadenceSpm < 400 ? cadenceSpm : Double.NaN;
        alt[n] = altitudeM > -500 && altitudeM < 9000 ? altitudeM : Double.NaN;
        lat[n] = position ? latitude : Double.NaN;
        lon[n] = position ? longitude : Double.NaN;
        n++;
    }

    /**
     * Drops the records from the first forward jump of more than {@code maxJumpS}: in a file damaged mid-stream the
     * last records before the damage can be garbage (a timestamp decades ahead), and a watch never jumps an hour.
     */
    void trimAtTimeJump(double maxJumpS) {
        for (int i = 1; i < n; i++) {
            if (t[i] - t[i - 1] > maxJumpS) {
                n = i;
                return;
            }
        }
    }

    int size() {
        return n;
    }

    double lastElapsed() {
        return n == 0 ? Double.NaN : t[n - 1];
    }

    /** The last distance reading, NaN if none. */
    double lastDistance() {
        for (int i = n - 1; i >= 0; i--) {
            if (!Double.isNaN(dist[i])) {
                return dist[i];
            }
        }
        return Double.NaN;
    }

    Samples build() {
        if (n == 0) {
            return Samples.empty();
        }
        double[] la = present(lat);
        double[] lo = present(lon);
        boolean pos = la != null && lo != null;
        return Samples.builder(Arrays.copyOf(t, n))
                .distance(present(dist)).speed(present(speed)).heartRate(present(hr)).cadence(present(cad))
                .altitude(present(alt)).position(pos ? la : null, pos ? lo : null).build();
    }

    private double[] present(double[] column) {
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(column[i])) {
                return Arrays.copyOf(column, n);
            }
        }
        return null;
    }
}
