package ai.pace42.llm;

import ai.pace42.llm.Quantity.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbers in a text with a small grammar (llm-weather-billing §4): paces ({@code 5:12 /km}), durations
 * ({@code 1:02:03}, {@code 45 min}, {@code 1 h 5 min}), bare clock values, values with units (km, mi, m, bpm, %,
 * °C/°F, km/h, spm), dates ({@code 2026-11-29}, {@code 3 May}, {@code Sun 29 Nov}) and ranges ({@code 5–6 km} is
 * two numbers). Patterns run from the most specific to the least; each match is blanked so it counts once.
 * Number words are not extracted: "three runs" is not checked.
 */
final class NumberExtractor {

    private static final double KM_PER_MI = 1.609344;
    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    private static final String DASH = "\\s*(?:–|—|-|to)\\s*";
    private static final String MONTHS = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
    private static final String PACE_UNIT = "\\s*(?:min\\s*)?(?:/\\s*|per\\s+)(km|kilomet\\w*|mi\\b|miles?)";

    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTHS + "(?:\\s+\\d{4})?");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTHS + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4})?");
    private static final Pattern PACE_RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})" + DASH + "(\\d{1,2}):(\\d{2})" + PACE_UNIT);
    private static final Pattern PACE = Pattern.compile("(\\d{1,2}):(\\d{2})" + PACE_UNIT);
    private static final Pattern HMS = Pattern.compile("(?<![\\d:])(\\d{1,2}):(\\d{2}):(\\d{2})(?![\\d:])");
    private static final Pattern CLOCK = Pattern.compile("(?<![\\d:])(\\d{1,3}):(\\d{2})(?![\\d:])");
    private static final Pattern HOURS_MINUTES = Pattern.compile("\\b(\\d+)\\s*h(?:ours?|rs?)?\\s*(?:and\\s*)?(\\d+)\\s*m(?:in(?:utes?|s)?)?\\b");
    private static final Pattern RANGE_UNIT = Pattern.compile(NUM + "(?:" + DASH + NUM + ")?\\s*"
            + "(km/h|kph|mph|km|kilomet(?:er|re)s?|k\\b|mi\\b|miles?|metres|meters|m\\b|bpm|beats|%|percent|°\\s*c|°\\s*f"
            + "|spm|steps/min|min\\b|mins\\b|minutes?|h\\b|hrs?\\b|hours?|s\\b|sec\\b|secs\\b|seconds?)");
    private static final Pattern PLAIN = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?![\\w])");

    private NumberExtractor() {
    }

    static List<Quantity> extract(String text) {
        // Thousands separators first ("1,234" is one number), then commas are only separators.
        String joined = text.replaceAll("(\\d),(\\d{3})(?!\\d)", "$1$2");
        String lower = joined.toLowerCase(Locale.ROOT);
        // Matches are reported as the reply wrote them (same positions unless lower-casing changed the length).
        String shown = lower.length() == joined.length() ? joined : lower;
        StringBuilder t = new StringBuilder(lower.replace(',', ' ').replace('\u00a0', ' '));
        List<Quantity> out = new ArrayList<>();
        scan(t, shown, ISO_DATE, out, m -> out.add(new Quantity(Kind.DATE,
                Integer.parseInt(m.group(2)) * 100 + Integer.parseInt(m.group(3)), 0, m.group())));
        scan(t, shown, DAY_MONTH, out, m -> out.add(new Quantity(Kind.DATE, month(m.group(2)) * 100 + Integer.parseInt(m.group(1)),
                0, m.group())));
        scan(t, shown, MONTH_DAY, out, m -> out.add(new Quantity(Kind.DATE, month(m.group(1)) * 100 + Integer.parseInt(m.group(2)),
                0, m.group())));
        scan(t, shown, PACE_RANGE, out, m -> {
            out.add(pace(m.group(1), m.group(2), m.group(5), m.group()));
            out.add(pace(m.group(3), m.group(4), m.group(5), m.group()));
        });
        scan(t, shown, PACE, out, m -> out.add(pace(m.group(1), m.group(2), m.group(3), m.group())));
        scan(t, shown, HMS, out, m -> out.add(new Quantity(Kind.DURATION, Integer.parseInt(m.group(1)) * 3600
                + Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3)), 1, m.group())));
        scan(t, shown, HOURS_MINUTES, out, m -> out.add(new Quantity(Kind.DURATION, Integer.parseInt(m.group(1)) * 3600
                + Integer.parseInt(m.group(2)) * 60, 30, m.group())));
        // A bare m:ss may be a pace written without its unit, a duration or a clock time: compared as written.
        scan(t, shown, CLOCK, out, m -> out.add(new Quantity(Kind.CLOCK, Integer.parseInt(m.group(1)) * 60
                + Integer.parseInt(m.group(2)), 1, m.group())));
        scan(t, shown, RANGE_UNIT, out, m -> {
            unit(m.group(1), m.group(3), m.group()).ifPresent(out::add);
            if (m.group(2) != null) {
                unit(m.group(2), m.group(3), m.group()).ifPresent(out::add);
            }
        });
        scan(t, shown, PLAIN, out, m -> out.add(new Quantity(Kind.PLAIN, Double.parseDouble(m.group()), half(m.group()), m.group())));
        return out;
    }

    private static Quantity pace(String min, String sec, String unit, String text) {
        double seconds = Integer.parseInt(min) * 60 + Integer.parseInt(sec);
        boolean miles = unit.startsWith("mi");
        return new Quantity(Kind.PACE, miles ? seconds / KM_PER_MI : seconds, miles ? 1 / KM_PER_MI + 0.01 : 1, text);
    }

    private static java.util.Optional<Quantity> unit(String number, String unit, String text) {
        double v = Double.parseDouble(number);
        double half = half(number);
        String u = unit.replace(" ", "");
        Quantity q;
        if (u.equals("km/h") || u.equals("kph")) {
            q = new Quantity(Kind.SPEED, v, Math.max(half, 0.05), text);
        } else if (u.equals("mph")) {
            q = new Quantity(Kind.SPEED, v * KM_PER_MI, Math.max(half, 0.05) * KM_PER_MI, text);
        } else if (u.startsWith("km") || u.startsWith("kilomet") || u.equals("k")) {
            q = new Quantity(Kind.DISTANCE, v, Math.max(half, 0.05), text);
        } else if (u.startsWith("mi")) {
            q = u.equals("min") || u.startsWith("minute") || u.equals("mins")
                    ? new Quantity(Kind.DURATION, v * 60, Math.max(half * 60, 30), text)
                    : new Quantity(Kind.DISTANCE, v * KM_PER_MI, Math.max(half, 0.05) * KM_PER_MI, text);
        } else if (u.startsWith("met") || u.equals("m")) {
            q = new Quantity(Kind.DISTANCE, v / 1000, Math.max(half, 0.5) / 1000, text);
        } else if (u.equals("bpm") || u.equals("beats")) {
            q = new Quantity(Kind.HEART_RATE, v, Math.max(half, 1), text);
        } else if (u.equals("%") || u.equals("percent")) {
            q = new Quantity(Kind.PERCENT, v, Math.max(half, 0.5), text);
        } else if (u.equals("°c")) {
            q = new Quantity(Kind.TEMPERATURE, v, Math.max(half, 0.5), text);
        } else if (u.equals("°f")) {
            q = new Quantity(Kind.TEMPERATURE, (v - 32) * 5 / 9, Math.max(half, 0.5) * 5 / 9, text);
        } else if (u.equals("spm") || u.equals("steps/min")) {
            q = new Quantity(Kind.CADENCE, v, Math.max(half, 1), text);
        } else if (u.startsWith("h")) {
            q = new Quantity(Kind.DURATION, v * 3600, Math.max(half * 3600, 30), text);
        } else {
            q = new Quantity(Kind.DURATION, v, Math.max(half, 1), text);
        }
        return java.util.Optional.of(q);
    }

    /** Half the last printed digit: "10" → 0.5, "10.02" → 0.005. */
    private static double half(String number) {
        int dot = number.indexOf('.');
        int decimals = dot < 0 ? 0 : number.length() - dot - 1;
        return 0.5 * Math.pow(10, -decimals);
    }

    private static int month(String m) {
        return "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(m.substring(0, 3)) / 3 + 1;
    }

    private static void scan(StringBuilder text, String shown, Pattern p, List<Quantity> out,
                             java.util.function.Consumer<Matcher> onMatch) {
        Matcher m = p.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            int before = out.size();
            onMatch.accept(m);
            String written = shown.substring(m.start(), m.end()).strip().replaceAll("\\.$", "");
            for (int i = before; i < out.size(); i++) {
                Quantity q = out.get(i);
                out.set(i, new Quantity(q.kind(), q.value(), q.tolerance(), written));
            }
            spans.add(new int[] {m.start(), m.end()});
        }
        for (int[] s : spans) {
            for (int i = s[0]; i < s[1]; i++) {
                text.setCharAt(i, ' ');
            }
        }
    }
}
