package ai.pace42.coach.analysis;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.Samples;

/**
 * The cleaned per-sample view every analysis step shares: moving-time weights (pauses removed), speed (from the
 * speed column, or differentiated distance), cumulative distance and moving time. Missing readings are NaN.
 * Built once per run so the steps do not repeat the clean-up.
 */
public final class RunStreams {

    /** Above this, a foot-borne speed is a GPS spike (8 m/s is a 2:05/km pace). */
    public static final double MAX_RUNNING_SPEED = 8.0;
    /** Below this the runner is standing. */
    public static final double STOPPED_SPEED = 0.5;
    /** A gap between records longer than this is a timer pause, not running. */
    public static final double PAUSE_GAP_S = 10.0;

    final int n;
    final double[] time;
    /** Seconds of moving time each sample stands for (0 for stopped samples and across pauses). */
    final double[] dt;
    final double[] speed;
    final double[] hr;
    final double[] cadence;
    final double[] altitude;
    /** Cumulative distance (NaN-free when any distance source exists, else all NaN). */
    final double[] distance;
    /** Cumulative moving time at each sample. */
    final double[] movingTime;
    final boolean hasSpeed;
    final boolean hasHr;
    final boolean hasCadence;
    final boolean hasAltitude;
    final int gpsSpikes;
    final double pausedS;

    private RunStreams(Samples s) {
        n = s.size();
        time = s.elapsedS();
        hasHr = s.hasHeartRate();
        hasCadence = s.hasCadence();
        hasAltitude = s.hasAltitude();
        hr = hasHr ? s.heartRate() : new double[0];
        cadence = hasCadence ? s.cadenceSpm() : new double[0];
        altitude = hasAltitude ? s.altitudeM() : new double[0];
        speed = new double[n];
        dt = new double[n];
        distance = new double[n];
        movingTime = new double[n];
        int spikes = 0;
        double paused = 0;
        boolean anySpeed = false;
        double[] rawSpeed = s.hasSpeed() ? s.speedMps() : null;
        double[] rawDist = s.hasDistance() ? s.distanceM() : null;
        double lastDist = 0;
        for (int i = 0; i < n; i++) {
            double gap = i == 0 ? 0 : time[i] - time[i - 1];
            double v = Double.NaN;
            if (rawSpeed != null) {
                v = rawSpeed[i];
            } else if (rawDist != null && i > 0 && gap > 0 && !Double.isNaN(rawDist[i]) && !Double.isNaN(rawDist[i - 1])) {
                v = (rawDist[i] - rawDist[i - 1]) / gap;
            }
            if (v > MAX_RUNNING_SPEED || v < 0) {
                spikes++;
                v = Double.NaN;
            }
            speed[i] = v;
            anySpeed |= !Double.isNaN(v);
            boolean pause = gap > PAUSE_GAP_S || !(gap > 0);
            if (gap > PAUSE_GAP_S) {
                paused += gap;
            }
            boolean stopped = !Double.isNaN(v) && v < STOPPED_SPEED;
            if (stopped && gap > 0 && !pause) {
                paused += gap;
            }
            dt[i] = pause || stopped ? 0 : gap;
            movingTime[i] = (i == 0 ? 0 : movingTime[i - 1]) + dt[i];
            if (rawDist != null && !Double.isNaN(rawDist[i])) {
                lastDist = Math.max(lastDist, rawDist[i]);
            } else if (!Double.isNaN(v)) {
                lastDist += v * dt[i];
            }
            distance[i] = lastDist;
        }
        hasSpeed = anySpeed;
        if (!hasSpeed && rawDist == null) {
            java.util.Arrays.fill(distance, Double.NaN);
        }
        gpsSpikes = spikes;
        pausedS = paused;
    }

    public static RunStreams of(Activity activity) {
        return new RunStreams(activity.samples());
    }

    public static RunStreams of(Samples samples) {
        return new RunStreams(samples);
    }

    public double[] time() { return time; }
    public double[] speed() { return speed; }
    public double[] heartRate() { return hr; }
    public double[] distance() { return distance; }
    public double[] movingTime() { return movingTime; }
    public double[] altitude() { return altitude; }
    public boolean hasSpeed() { return hasSpeed; }
    public boolean hasHeartRate() { return hasHr; }

    public int size() {
        return n;
    }

    public double movingSeconds() {
        return n == 0 ? 0 : movingTime[n - 1];
    }

    public double totalDistance() {
        return n == 0 ? Double.NaN : distance[n - 1];
    }

    /** Time-weighted mean of a column over moving samples, ignoring NaN; NaN when nothing qualifies. */
    double weightedMean(double[] column, int from, int to) {
        if (column.length < n) {
            return Double.NaN;
        }
        double sum = 0, w = 0;
        for (int i = from; i < to; i++) {
            double x = column[i];
            if (dt[i] > 0 && !Double.isNaN(x)) {
                sum += x * dt[i];
                w += dt[i];
            }
        }
        return w > 0 ? sum / w : Double.NaN;
    }

    /** First sample index at or after the given moving time. */
    int indexAtMovingTime(double t) {
        int lo = 0, hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (movingTime[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Moving time at which the cumulative distance first reaches d, linearly interpolated; NaN if never. */
    double movingTimeAtDistance(double d) {
        if (n == 0 || Double.isNaN(distance[n - 1]) || distance[n - 1] < d) {
            return Double.NaN;
        }
        int lo = 0, hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (distance[mid] < d) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == 0) {
            return movingTime[0];
        }
        double d0 = distance[lo - 1], d1 = distance[lo];
        double f = d1 > d0 ? (d - d0) / (d1 - d0) : 1;
        return movingTime[lo - 1] + f * (movingTime[lo] - movingTime[lo - 1]);
    }
}
