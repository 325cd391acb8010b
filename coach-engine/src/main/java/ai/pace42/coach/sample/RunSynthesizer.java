package ai.pace42.coach.sample;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivitySummary;
import ai.pace42.coach.model.Lap;
import ai.pace42.coach.model.LapIntensity;
import ai.pace42.coach.model.Samples;
import ai.pace42.coach.model.SessionTags;
import ai.pace42.coach.model.SportType;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * Builds physiologically plausible 1 Hz runs from segments: HR follows its target with a first-order lag
 * (τ ≈ 25 s) and may drift linearly within a segment; pace and HR carry small seeded noise; cadence rises with
 * speed; altitude integrates the grade. Used by the sample athlete and by test fixtures.
 */
public final class RunSynthesizer {

    /** One steady piece of a run. hrStart → hrEnd is the HR the body settles towards (drift when they differ). */
    public record Segment(double durationS, double speedMps, double hrStart, double hrEnd, double grade,
                          LapIntensity intensity) {
    }

    private final List<Segment> segments = new ArrayList<>();
    private final long seed;
    private double hrLagS = 25;
    private double paceNoise = 0.02;
    private double hrNoise = 1.0;
    private double initialHr = Double.NaN;
    private boolean heartRate = true;
    private boolean gps = true;
    private boolean altitude = true;
    private boolean laps = false;
    private double lockFromS = Double.NaN;
    private double pauseAtS = Double.NaN;
    private double pauseS = 0;
    private boolean realistic = false;
    private double stopAtS = Double.NaN;
    private int stopS = 0;
    private SportType sport = SportType.ROAD;
    private ActivitySummary summary = ActivitySummary.none();
    private SessionTags tags = SessionTags.none();
    private String name = "Run";

    private RunSynthesizer(long seed) {
        this.seed = seed;
    }

    public static RunSynthesizer seeded(long seed) {
        return new RunSynthesizer(seed);
    }

    public RunSynthesizer segment(double minutes, double paceSPerKm, double hrStart, double hrEnd) {
        return segment(minutes, paceSPerKm, hrStart, hrEnd, 0, LapIntensity.UNKNOWN);
    }

    public RunSynthesizer segment(double minutes, double paceSPerKm, double hrStart, double hrEnd, double grade,
                                  LapIntensity intensity) {
        segments.add(new Segment(minutes * 60, 1000.0 / paceSPerKm, hrStart, hrEnd, grade, intensity));
        return this;
    }

    /** A segment of a given distance rather than duration. */
    public RunSynthesizer distance(double metres, double paceSPerKm, double hrStart, double hrEnd, double grade,
                                   LapIntensity intensity) {
        double speed = 1000.0 / paceSPerKm;
        segments.add(new Segment(metres / speed, speed, hrStart, hrEnd, grade, intensity));
        return this;
    }

    public RunSynthesizer initialHr(double bpm) { initialHr = bpm; return this; }
    public RunSynthesizer hrLag(double seconds) { hrLagS = seconds; return this; }
    public RunSynthesizer paceNoise(double fraction) { paceNoise = fraction; return this; }
    public RunSynthesizer hrNoise(double bpm) { hrNoise = bpm; return this; }
    public RunSynthesizer withoutHeartRate() { heartRate = false; return this; }
    public RunSynthesizer withoutGps() { gps = false; return this; }
    public RunSynthesizer withoutAltitude() { altitude = false; return this; }
    /** Record one lap per segment with the segment's intensity. */
    public RunSynthesizer withLaps() { laps = true; return this; }
    /** Optical HR that latches onto the step rate from this moment (a wrist-sensor artefact). */
    public RunSynthesizer hrLockedToCadenceFrom(double minutes) { lockFromS = minutes * 60; return this; }
    /** Stop the timer for a while (traffic light, shoelace). */
    public RunSynthesizer pause(double atMinutes, double seconds) { pauseAtS = atMinutes * 60; pauseS = seconds; return this; }
    /**
     * Noise as a watch records it: pace wanders slowly (AR(1), τ 90 s, 3%), GPS distance and position jitter by a
     * few metres (AR(1), τ 20 s), heart rate reads ±2 bpm. Km splits then differ by seconds, as on a real run.
     */
    public RunSynthesizer realistic() { realistic = true; return this; }
    /** Stand still with the timer running (a traffic light): samples at zero speed, distance unchanged. */
    public RunSynthesizer stop(double atMinutes, int seconds) { stopAtS = atMinutes * 60; stopS = seconds; return this; }
    public RunSynthesizer sport(SportType s) { sport = s; return this; }
    public RunSynthesizer temperature(double celsius) { summary = summary.withTemperature(celsius); return this; }
    public RunSynthesizer tags(SessionTags t) { tags = t; return this; }
    public RunSynthesizer name(String n) { name = n; return this; }

    public Activity build(String id, String source, ZonedDateTime start) {
        Random rnd = new Random(seed);
        double total = segments.stream().mapToDouble(Segment::durationS).sum();
        int running = (int) Math.floor(total) + 1;
        boolean stops = !Double.isNaN(stopAtS) && stopS > 0 && stopAtS < total;
        int n = running + (stops ? stopS : 0);
        boolean paused = !Double.isNaN(pauseAtS) && pauseS > 0;
        double[] t = new double[n], dist = new double[n], speed = new double[n], hr = new double[n],
                cad = new double[n], alt = new double[n], lat = new double[n], lon = new double[n];
        double h = Double.isNaN(initialHr) ? (segments.isEmpty() ? 100 : segments.get(0).hrStart()) : initialHr;
        double d = 0, a = 120, clock = 0;
        int seg = 0;
        double segStart = 0;
        double lagFactor = 1 - Math.exp(-1 / hrLagS);
        double hrSd = realistic ? 2.0 : hrNoise;
        Ar1 wander = new Ar1(90, realistic ? 0.03 : 0), gpsAlong = new Ar1(20, realistic ? 3 : 0),
                gpsAcross = new Ar1(20, realistic ? 3 : 0);
        List<Lap> lapList = new ArrayList<>();
        double lapStartClock = 0, lapStartDist = 0;
        int stopped = 0;
        for (int j = 0, i = 0; j < n; j++) {
            boolean standing = stops && i >= stopAtS && stopped < stopS;
            double runTime = i;
            while (seg < segments.size() - 1 && runTime >= segStart + segments.get(seg).durationS()) {
                segStart += segments.get(seg).durationS();
                if (laps) {
                    lapList.add(lap(lapStartClock, clock, lapStartDist, d, segments.get(seg).intensity()));
                    lapStartClock = clock;
                    lapStartDist = d;
                }
                seg++;
            }
            Segment s = segments.isEmpty() ? new Segment(1, 0, 100, 100, 0, LapIntensity.UNKNOWN) : segments.get(seg);
            double frac = s.durationS() > 0 ? Math.min(1, (runTime - segStart) / s.durationS()) : 0;
            double target = standing ? s.hrStart() - 25 : s.hrStart() + (s.hrEnd() - s.hrStart()) * frac;
            double v = standing ? 0 : s.speedMps() * (1 + wander.next(rnd)) * (1 + paceNoise * rnd.nextGaussian() * 0.5);
            if (j > 0) {
                clock += 1;
                if (paused && runTime >= pauseAtS && runTime - 1 < pauseAtS && !standing) {
                    clock += pauseS;
                }
                d += v;
                a += v * s.grade();
            }
            h += (target - h) * lagFactor;
            t[j] = clock;
            // GPS error moves the recorded distance a few metres either way, never backwards.
            dist[j] = Math.max(j > 0 ? dist[j - 1] : 0, d + (j > 0 ? gpsAlong.next(rnd) : 0));
            speed[j] = v;
            cad[j] = standing ? 0 : Math.round(150 + 8 * s.speedMps() + rnd.nextGaussian());
            hr[j] = Math.round(h + hrSd * rnd.nextGaussian());
            if (!Double.isNaN(lockFromS) && runTime >= lockFromS && !standing) {
                hr[j] = cad[j] + Math.round(rnd.nextGaussian());
            }
            alt[j] = a;
            lat[j] = 52.0 + dist[j] / 111_000.0;
            lon[j] = 4.0 + gpsAcross.next(rnd) / 68_000.0;
            if (standing) {
                stopped++;
            } else {
                i++;
            }
        }
        if (laps && !segments.isEmpty()) {
            lapList.add(lap(lapStartClock, clock, lapStartDist, dist[n - 1], segments.get(seg).intensity()));
        }
        Samples.Builder b = Samples.builder(t).distance(dist).speed(speed).cadence(cad);
        if (heartRate) {
            b.heartRate(hr);
        }
        if (altitude && !sport.indoor()) {
            b.altitude(alt);
        }
        if (gps && !sport.indoor()) {
            b.position(lat, lon);
        }
        double moving = running - 1;
        return new Activity(id, source, name, sport, Optional.of(start), OptionalDouble.of(clock),
                OptionalDouble.of(moving), OptionalDouble.of(dist[n - 1]), summary, b.build(), lapList, tags);
    }

    /** A first-order autoregressive error with time constant {@code tauS} and stationary deviation {@code sd}. */
    private static final class Ar1 {
        private final double rho;
        private final double innovation;
        private double value;

        Ar1(double tauS, double sd) {
            this.rho = Math.exp(-1 / tauS);
            this.innovation = sd * Math.sqrt(1 - rho * rho);
        }

        double next(Random rnd) {
            if (innovation == 0) {
                return 0;
            }
            value = rho * value + innovation * rnd.nextGaussian();
            return value;
        }
    }

    private static Lap lap(double startClock, double endClock, double startDist, double endDist, LapIntensity intensity) {
        return new Lap(startClock, endClock - startClock, OptionalDouble.of(endDist - startDist), intensity);
    }
}
