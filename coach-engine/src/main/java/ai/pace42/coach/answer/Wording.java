package ai.pace42.coach.answer;

/**
 * Words chosen from the numbers they describe, never around them: a change is "rose" only when the shown values
 * rose, a drop is a positive number of beats, and an unknown value is left out rather than printed as "unknown".
 * Comparisons are made on the values as displayed (rounded), so a sentence can never read "rose from 161 to 161".
 */
public final class Wording {

    private Wording() {
    }

    /**
     * "Peak HR rose from 161 bpm in rep 1 to 172 bpm in rep 6", "… fell from …", or "… stayed at 161 bpm from rep 1
     * to rep 6"; empty when either value is unknown.
     */
    public static String change(String what, double from, String fromLabel, double to, String toLabel) {
        if (Double.isNaN(from) || Double.isNaN(to)) {
            return "";
        }
        long a = Math.round(from), b = Math.round(to);
        if (a == b) {
            return what + " stayed at " + a + " bpm from " + fromLabel + " to " + toLabel;
        }
        return what + (b > a ? " rose" : " fell") + " from " + a + " bpm in " + fromLabel + " to " + b + " bpm in " + toLabel;
    }

    /**
     * How heart rate moved in the first minute after work, as a clause: "heart rate falling 25 bpm in the first
     * minute", "heart rate still rising 3 bpm in the first minute", "heart rate level in the first minute"; empty when
     * unknown. {@code drop} is HR at the end of the rep minus HR a minute later.
     */
    public static String recoveryDrop(double drop) {
        if (Double.isNaN(drop)) {
            return "";
        }
        long d = Math.round(drop);
        if (d == 0) {
            return "heart rate level in the first minute";
        }
        return d > 0 ? "heart rate falling " + d + " bpm in the first minute"
                : "heart rate still rising " + (-d) + " bpm in the first minute";
    }

    /** "at 3:56–4:02 /km" for known speeds, else the effort words: a prescription never says "unknown pace". */
    public static String paceOrEffort(Format f, double fastSpeed, double slowSpeed, String effort) {
        return fastSpeed > 0 && slowSpeed > 0 ? "at " + f.paceRange(fastSpeed, slowSpeed) : "at " + effort;
    }
}
