package ai.pace42.garmin;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivitySummary;
import ai.pace42.coach.model.Lap;
import ai.pace42.coach.model.LapIntensity;
import ai.pace42.coach.model.Samples;
import ai.pace42.coach.model.SessionTags;
import ai.pace42.coach.model.SportType;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Normalised activities for cache and codec tests and benchmarks. */
public final class TestActivities {

    private TestActivities() {
    }

    /** A two-hour run at 1 Hz with every channel, a dropout (NaN) and a pause, like a real details payload. */
    public static Activity twoHourRun() {
        int n = 7200;
        double[] t = new double[n], d = new double[n], v = new double[n], hr = new double[n], cad = new double[n],
                alt = new double[n], lat = new double[n], lon = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i < 3600 ? i : i + 90;
            v[i] = 3.1 + 0.4 * Math.sin(i / 60.0);
            d[i] = i == 0 ? 0 : d[i - 1] + v[i];
            hr[i] = i % 997 == 0 ? Double.NaN : 135 + 20 * Math.sin(i / 900.0);
            cad[i] = 168 + (i % 7) * 0.5;
            alt[i] = 40 + 12 * Math.sin(i / 400.0);
            lat[i] = 51.5 + i * 1.3e-5;
            lon[i] = -0.12 + i * 0.9e-5;
        }
        Samples samples = Samples.builder(t).distance(d).speed(v).heartRate(hr).cadence(cad).altitude(alt)
                .position(lat, lon).build();
        return new Activity("21002003004", "garmin", "Long run — Sunday", SportType.TRAIL,
                Optional.of(ZonedDateTime.of(2026, 11, 22, 7, 5, 3, 250_000_000, ZoneId.of("Europe/London"))),
                OptionalDouble.of(7290), OptionalDouble.of(7200), OptionalDouble.of(d[n - 1]),
                new ActivitySummary(OptionalDouble.of(141.2), OptionalDouble.of(171), OptionalDouble.empty(),
                        OptionalDouble.of(210), OptionalDouble.of(205.5), OptionalDouble.of(-2.5)),
                samples, List.of(new Lap(0, 3600, OptionalDouble.of(11_000), LapIntensity.ACTIVE),
                        new Lap(3690, 3600, OptionalDouble.empty(), LapIntensity.COOLDOWN)),
                new SessionTags(true, Optional.of("long")));
    }

}
