package ai.pace42.garmin.files;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.DateTime;
import com.garmin.fit.DeveloperDataIdMesg;
import com.garmin.fit.DeveloperField;
import com.garmin.fit.DeviceInfoMesg;
import com.garmin.fit.Event;
import com.garmin.fit.EventMesg;
import com.garmin.fit.EventType;
import com.garmin.fit.FieldDescriptionMesg;
import com.garmin.fit.File;
import com.garmin.fit.FileEncoder;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.FitBaseType;
import com.garmin.fit.Intensity;
import com.garmin.fit.LapMesg;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.MesgNum;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * FIT runs written with the SDK's own encoder, 1 Hz records at about 3 m/s. Plain by default (what the import
 * tests need); {@link #watchLike()} adds what a real watch file carries (device infos, running dynamics, power,
 * temperature, a lap per km) and {@link #developerFields()} a Connect IQ app's developer fields (a foot-pod style
 * app: four record fields and one session field), the case that makes the SDK's convenience decoder slow.
 */
public final class FitRunWriter {

    private static final double DEGREES_TO_SEMICIRCLES = 2147483648.0 / 180.0;

    private final int seconds;
    private boolean gps = true;
    private boolean heartRate = true;
    private int pauseAt = -1;
    private int pauseS;
    private Sport sport = Sport.RUNNING;
    private SubSport subSport = SubSport.STREET;
    private boolean watchLike;
    private boolean developerFields;

    private FitRunWriter(int seconds) {
        this.seconds = seconds;
    }

    /** A run of {@code seconds} one-second records. */
    public static FitRunWriter run(int seconds) {
        return new FitRunWriter(seconds);
    }

    public FitRunWriter gps(boolean on) {
        gps = on;
        return this;
    }

    public FitRunWriter heartRate(boolean on) {
        heartRate = on;
        return this;
    }

    /** The timer stops before record {@code at} for {@code pauseSeconds}; a negative {@code at} means no pause. */
    public FitRunWriter pause(int at, int pauseSeconds) {
        pauseAt = at;
        pauseS = pauseSeconds;
        return this;
    }

    public FitRunWriter sport(Sport s, SubSport sub) {
        sport = s;
        subSport = sub;
        return this;
    }

    public FitRunWriter watchLike() {
        watchLike = true;
        return this;
    }

    public FitRunWriter developerFields() {
        developerFields = true;
        return this;
    }

    public byte[] encode() {
        try {
            Path tmp = Files.createTempFile("run", ".fit");
            try {
                FileEncoder enc = new FileEncoder(tmp.toFile(), Fit.ProtocolVersion.V2_0);
                write(enc);
                enc.close();
                return Files.readAllBytes(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(FileEncoder enc) {
        long t0 = (TestFiles.START.toEpochMilli() - DateTime.OFFSET) / 1000;
        FileIdMesg id = new FileIdMesg();
        id.setType(File.ACTIVITY);
        id.setManufacturer(Manufacturer.GARMIN);
        id.setProduct(1);
        id.setSerialNumber(12345L);
        id.setTimeCreated(new DateTime(t0));
        enc.write(id);
        if (watchLike) {
            for (short device = 0; device < 3; device++) {
                enc.write(deviceInfo(t0, device));
            }
        }
        DeveloperApp app = developerFields ? DeveloperApp.writeDefinitions(enc) : null;
        enc.write(event(t0, EventType.START));
        double dist = 0;
        long t = t0;
        long timer = 0;
        long lapStart = t0;
        long lapTimer = 0;
        double lapStartDist = 0;
        int laps = 0;
        for (int i = 0; i < seconds; i++) {
            if (i == pauseAt) {
                enc.write(event(t, EventType.STOP_ALL));
                t += pauseS;
                enc.write(event(t, EventType.START));
            }
            double speed = 3.0 + 0.2 * Math.sin(i / 30.0);
            dist += speed;
            enc.write(record(i, t, dist, speed, app));
            t++;
            timer++;
            lapTimer++;
            if (watchLike && dist - lapStartDist >= 1000) { // auto lap every km, as watches do by default
                enc.write(lap(lapStart, t, lapTimer, dist - lapStartDist));
                laps++;
                lapStart = t;
                lapTimer = 0;
                lapStartDist = dist;
            }
        }
        enc.write(event(t, EventType.STOP_ALL));
        if (!watchLike) {
            enc.write(lap(t0, t, timer, dist));
            laps = 1;
        } else if (lapTimer > 0) {
            enc.write(lap(lapStart, t, lapTimer, dist - lapStartDist));
            laps++;
        }
        enc.write(session(t0, t, timer, dist, laps, app));
        ActivityMesg a = new ActivityMesg();
        a.setTimestamp(new DateTime(t));
        a.setLocalTimestamp(t + 3600); // UTC+1
        a.setNumSessions(1);
        a.setTotalTimerTime((float) timer);
        enc.write(a);
    }

    private RecordMesg record(int i, long t, double dist, double speed, DeveloperApp app) {
        RecordMesg r = new RecordMesg();
        r.setTimestamp(new DateTime(t));
        r.setDistance((float) dist);
        r.setEnhancedSpeed((float) speed);
        r.setEnhancedAltitude((float) (50 + 3 * Math.sin(i / 100.0)));
        r.setCadence((short) 85);
        r.setFractionalCadence(0.5f);
        if (heartRate) {
            r.setHeartRate((short) (140 + i % 10));
        }
        if (gps) {
            r.setPositionLat((int) ((51.5 + i * 1e-5) * DEGREES_TO_SEMICIRCLES));
            r.setPositionLong((int) ((-0.12 + i * 1e-5) * DEGREES_TO_SEMICIRCLES));
        }
        if (watchLike) {
            r.setTemperature((byte) 18);
            r.setPower(250 + i % 20);
            r.setAccumulatedPower(250L * (i + 1));
            r.setVerticalOscillation(82.5f + i % 7);
            r.setStanceTime(245.0f + i % 11);
            r.setVerticalRatio(7.9f);
            r.setStepLength(1050f + i % 30);
            r.setStanceTimeBalance(49.8f);
        }
        if (app != null) {
            app.addRecordFields(r, i);
        }
        return r;
    }

    private LapMesg lap(long start, long end, long timerS, double distM) {
        LapMesg lap = new LapMesg();
        lap.setTimestamp(new DateTime(end));
        lap.setStartTime(new DateTime(start));
        lap.setTotalTimerTime((float) timerS);
        lap.setTotalElapsedTime((float) (end - start));
        lap.setTotalDistance((float) distM);
        lap.setIntensity(Intensity.ACTIVE);
        return lap;
    }

    private SessionMesg session(long t0, long t, long timer, double dist, int laps, DeveloperApp app) {
        SessionMesg s = new SessionMesg();
        s.setTimestamp(new DateTime(t));
        s.setStartTime(new DateTime(t0));
        s.setSport(sport);
        s.setSubSport(subSport);
        s.setTotalTimerTime((float) timer);
        s.setTotalElapsedTime((float) (t - t0));
        s.setTotalDistance((float) dist);
        if (heartRate) {
            s.setAvgHeartRate((short) 145);
            s.setMaxHeartRate((short) 149);
        }
        s.setAvgCadence((short) 85);
        s.setNumLaps(laps);
        if (app != null) {
            app.addSessionField(s);
        }
        return s;
    }

    private static DeviceInfoMesg deviceInfo(long t, short index) {
        DeviceInfoMesg d = new DeviceInfoMesg();
        d.setTimestamp(new DateTime(t));
        d.setDeviceIndex(index);
        d.setManufacturer(Manufacturer.GARMIN);
        d.setProduct(4315 + index);
        d.setSerialNumber(3_400_000_000L + index);
        d.setSoftwareVersion(21.19f);
        return d;
    }

    private static EventMesg event(long t, EventType type) {
        EventMesg e = new EventMesg();
        e.setTimestamp(new DateTime(t));
        e.setEvent(Event.TIMER);
        e.setEventType(type);
        return e;
    }

    /** One Connect IQ app's developer data: its id, four record fields and one session field. */
    private record DeveloperApp(DeveloperDataIdMesg id, FieldDescriptionMesg[] record, FieldDescriptionMesg session) {

        static DeveloperApp writeDefinitions(FileEncoder enc) {
            DeveloperDataIdMesg id = new DeveloperDataIdMesg();
            id.setDeveloperDataIndex((short) 0);
            for (int b = 0; b < 16; b++) {
                id.setApplicationId(b, (byte) (0x10 + b));
            }
            id.setApplicationVersion(129L);
            enc.write(id);
            FieldDescriptionMesg[] record = {
                field(0, FitBaseType.UINT16, "Power", "Watts", MesgNum.RECORD),
                field(1, FitBaseType.UINT16, "Form Power", "Watts", MesgNum.RECORD),
                field(2, FitBaseType.FLOAT32, "Leg Spring Stiffness", "KN/m", MesgNum.RECORD),
                field(3, FitBaseType.UINT16, "Air Power", "Watts", MesgNum.RECORD)};
            FieldDescriptionMesg session = field(4, FitBaseType.FLOAT32, "Running Stress", "RSS", MesgNum.SESSION);
            for (FieldDescriptionMesg f : record) {
                enc.write(f);
            }
            enc.write(session);
            return new DeveloperApp(id, record, session);
        }

        private static FieldDescriptionMesg field(int number, short type, String name, String units, int mesg) {
            FieldDescriptionMesg f = new FieldDescriptionMesg();
            f.setDeveloperDataIndex((short) 0);
            f.setFieldDefinitionNumber((short) number);
            f.setFitBaseTypeId(type);
            f.setFieldName(0, name);
            f.setUnits(0, units);
            f.setNativeMesgNum(mesg);
            return f;
        }

        void addRecordFields(RecordMesg r, int i) {
            r.addDeveloperField(value(record[0], 260 + i % 25));
            r.addDeveloperField(value(record[1], 200 + i % 15));
            r.addDeveloperField(value(record[2], 10.5f + (i % 9) / 10f));
            r.addDeveloperField(value(record[3], i % 4));
        }

        void addSessionField(SessionMesg s) {
            s.addDeveloperField(value(session, 61.5f));
        }

        private DeveloperField value(FieldDescriptionMesg description, Number v) {
            DeveloperField f = new DeveloperField(description, id);
            f.setValue(v);
            return f;
        }
    }
}
