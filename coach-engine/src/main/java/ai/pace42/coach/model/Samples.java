package ai.pace42.coach.model;

import java.util.Objects;

/**
 * Per-second (or per-record) streams stored column-wise, so analysis loops over primitive arrays without boxing.
 * A column is either absent (length 0) or has exactly {@link #size()} values; a single missing reading inside a
 * present column is {@link Double#NaN}. Arrays are not copied on access: treat them as read-only.
 */
public record Samples(double[] elapsedS, double[] distanceM, double[] speedMps, double[] heartRate,
                      double[] cadenceSpm, double[] altitudeM, double[] latitude, double[] longitude) {

    private static final double[] NONE = new double[0];

    public Samples {
        elapsedS = orNone(elapsedS);
        int n = elapsedS.length;
        distanceM = checked(distanceM, n, "distanceM");
        speedMps = checked(speedMps, n, "speedMps");
        heartRate = checked(heartRate, n, "heartRate");
        cadenceSpm = checked(cadenceSpm, n, "cadenceSpm");
        altitudeM = checked(altitudeM, n, "altitudeM");
        latitude = checked(latitude, n, "latitude");
        longitude = checked(longitude, n, "longitude");
    }

    public static Samples empty() {
        return new Samples(NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE);
    }

    public static Builder builder(double[] elapsedS) {
        return new Builder(elapsedS);
    }

    public int size() {
        return elapsedS.length;
    }

    public boolean isEmpty() {
        return elapsedS.length == 0;
    }

    public boolean hasDistance() {
        return present(distanceM);
    }

    public boolean hasSpeed() {
        return present(speedMps);
    }

    public boolean hasHeartRate() {
        return present(heartRate);
    }

    public boolean hasCadence() {
        return present(cadenceSpm);
    }

    public boolean hasAltitude() {
        return present(altitudeM);
    }

    public boolean hasPosition() {
        return present(latitude) && present(longitude);
    }

    private boolean present(double[] column) {
        return column.length > 0 && column.length == elapsedS.length;
    }

    private static double[] orNone(double[] column) {
        return column == null ? NONE : column;
    }

    private static double[] checked(double[] column, int n, String name) {
        double[] c = orNone(column);
        if (c.length != 0 && c.length != n) {
            throw new IllegalArgumentException(name + " has " + c.length + " values, expected " + n);
        }
        return c;
    }

    /** Assembles a {@link Samples} column by column; columns never set stay absent. */
    public static final class Builder {
        private final double[] elapsed;
        private double[] distance, speed, hr, cadence, altitude, lat, lon;

        private Builder(double[] elapsedS) {
            this.elapsed = Objects.requireNonNull(elapsedS, "elapsedS");
        }

        public Builder distance(double[] v) { distance = v; return this; }
        public Builder speed(double[] v) { speed = v; return this; }
        public Builder heartRate(double[] v) { hr = v; return this; }
        public Builder cadence(double[] v) { cadence = v; return this; }
        public Builder altitude(double[] v) { altitude = v; return this; }
        public Builder position(double[] latitude, double[] longitude) { lat = latitude; lon = longitude; return this; }

        public Samples build() {
            return new Samples(elapsed, distance, speed, hr, cadence, altitude, lat, lon);
        }
    }
}
