package ai.pace42.coach.plan;

import ai.pace42.coach.UnitSystem;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A plan as plain text lines, for storage: readable in a database console, no library, and versioned so a stored
 * plan can still be read after the model grows. Fields are separated by '|'; notes have '|' and newlines removed.
 */
public final class PlanCodec {

    private static final String VERSION = "pace42-plan v1";

    private PlanCodec() {
    }

    public static String encode(TrainingPlan p) {
        StringBuilder sb = new StringBuilder(VERSION).append('\n');
        PlanRequest r = p.request();
        line(sb, "request", r.raceDate(), r.raceDistanceM(), r.daysPerWeek(), r.longRunDay(), r.madeOn(), r.units());
        CurrentFitness f = p.fitness();
        line(sb, "fitness", opt(f.vdot()), f.weeklyM(), opt(f.easyCeilingHr()));
        for (PastRun run : f.recentRuns()) {
            line(sb, "past", run.date(), run.distanceM());
        }
        for (String note : p.notes()) {
            line(sb, "note", note.replace('|', '/').replace('\n', ' '));
        }
        for (PlanWeek w : p.weeks()) {
            line(sb, "week", w.index(), w.start(), w.phase(), w.cutBack());
            for (PlannedSession s : w.sessions()) {
                line(sb, "s", s.date(), s.kind(), s.distanceM(), s.reps(), s.repM(), s.workM(), s.fastMps(), s.slowMps(), s.strides());
            }
        }
        return sb.toString();
    }

    /** @throws IllegalArgumentException for text that is not a stored plan */
    public static TrainingPlan decode(String text) {
        String[] lines = text.split("\n");
        if (lines.length == 0 || !lines[0].equals(VERSION)) {
            throw new IllegalArgumentException("not a stored plan");
        }
        PlanRequest request = null;
        OptionalDouble vdot = OptionalDouble.empty(), hr = OptionalDouble.empty();
        double weekly = 0;
        List<PastRun> past = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<PlanWeek> weeks = new ArrayList<>();
        String[] week = null;
        List<PlannedSession> sessions = new ArrayList<>();
        try {
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split("\\|", -1);
                switch (f[0]) {
                    case "request" -> request = new PlanRequest(LocalDate.parse(f[1]), Double.parseDouble(f[2]), Integer.parseInt(f[3]),
                            DayOfWeek.valueOf(f[4]), LocalDate.parse(f[5]), UnitSystem.valueOf(f[6]));
                    case "fitness" -> {
                        vdot = parseOpt(f[1]);
                        weekly = Double.parseDouble(f[2]);
                        hr = parseOpt(f[3]);
                    }
                    case "past" -> past.add(new PastRun(LocalDate.parse(f[1]), Double.parseDouble(f[2])));
                    case "note" -> notes.add(f[1]);
                    case "week" -> {
                        if (week != null) {
                            weeks.add(week(week, sessions));
                        }
                        week = f;
                        sessions = new ArrayList<>();
                    }
                    case "s" -> sessions.add(new PlannedSession(LocalDate.parse(f[1]), SessionKind.valueOf(f[2]),
                            Double.parseDouble(f[3]), Integer.parseInt(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                            Double.parseDouble(f[7]), Double.parseDouble(f[8]), Boolean.parseBoolean(f[9])));
                    default -> throw new IllegalArgumentException("unknown line " + f[0]);
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("stored plan is damaged", e);
        }
        if (week != null) {
            weeks.add(week(week, sessions));
        }
        if (request == null || weeks.isEmpty()) {
            throw new IllegalArgumentException("stored plan is incomplete");
        }
        return new TrainingPlan(request, new CurrentFitness(vdot, weekly, past, hr), weeks, notes);
    }

    private static PlanWeek week(String[] f, List<PlannedSession> sessions) {
        return new PlanWeek(Integer.parseInt(f[1]), LocalDate.parse(f[2]), Phase.valueOf(f[3]), Boolean.parseBoolean(f[4]), sessions);
    }

    private static String opt(OptionalDouble d) {
        return d.isPresent() ? Double.toString(d.getAsDouble()) : "";
    }

    private static OptionalDouble parseOpt(String s) {
        return s.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(s));
    }

    private static void line(StringBuilder sb, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append('|');
            }
            sb.append(fields[i]);
        }
        sb.append('\n');
    }
}
