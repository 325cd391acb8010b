package ai.pace42.coach.intent;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Race and run distances as runners write them: "half", "marathon", "10k", "5 km", "3 miles", "a mile". */
public final class DistanceParser {

    public static final double HALF_MARATHON_M = 21_097.5;
    public static final double MARATHON_M = 42_195;

    private static final Pattern HALF = Pattern.compile("\\b(half[ -]?marathon|half|hm|21\\.1 ?k(m)?)\\b");
    private static final Pattern FULL = Pattern.compile("\\b(full[ -]?marathon|marathon|42\\.2 ?k(m)?)\\b");
    private static final Pattern KM = Pattern.compile("\\b(\\d+(?:\\.\\d+)?) ?(k|km|kms|kilometers?|kilometres?)\\b");
    private static final Pattern MILES = Pattern.compile("\\b(\\d+(?:\\.\\d+)?|a|one) ?(mi|miles?|milers?)\\b");

    private DistanceParser() {
    }

    /** The distance named in already lower-cased text, if any. */
    public static OptionalDouble parse(String text) {
        if (FULL.matcher(text).find() && !HALF.matcher(text).find()) {
            return OptionalDouble.of(MARATHON_M);
        }
        if (HALF.matcher(text).find()) {
            return OptionalDouble.of(HALF_MARATHON_M);
        }
        Matcher km = KM.matcher(text);
        if (km.find()) {
            return OptionalDouble.of(Double.parseDouble(km.group(1)) * 1000);
        }
        Matcher mi = MILES.matcher(text);
        if (mi.find()) {
            String n = mi.group(1);
            double miles = n.equals("a") || n.equals("one") ? 1 : Double.parseDouble(n);
            return OptionalDouble.of(miles * 1609.344);
        }
        return OptionalDouble.empty();
    }

    /** Runner's name for a distance: "half marathon", "10 km", "marathon". */
    public static String name(double metres) {
        if (Math.abs(metres - HALF_MARATHON_M) < 100) {
            return "half marathon";
        }
        if (Math.abs(metres - MARATHON_M) < 100) {
            return "marathon";
        }
        if (Math.abs(metres % 1609.344) < 1 && metres >= 1609) {
            long miles = Math.round(metres / 1609.344);
            return miles == 1 ? "mile" : miles + " miles";
        }
        double km = metres / 1000;
        return (km == Math.rint(km) ? String.valueOf((long) km) : String.valueOf(km)) + " km";
    }
}
