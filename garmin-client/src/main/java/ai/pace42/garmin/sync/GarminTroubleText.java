package ai.pace42.garmin.sync;

import ai.pace42.garmin.GarminProblem;

/**
 * One true clause per kind of Garmin failure, for the runner: what happened and what to do, without internals.
 * The coach adds the retry time, the code and the request id.
 */
final class GarminTroubleText {

    private static final String NEXT_TIME = "; I'll try again when you ask next";

    private GarminTroubleText() {
    }

    static String reason(GarminProblem p) {
        return switch (p.code()) {
            case GARMIN_RATE_LIMITED -> "Garmin is limiting requests";
            case GARMIN_RELINK_REQUIRED -> "Garmin no longer accepts the link — send /link to reconnect";
            case GARMIN_ACCESS_DENIED ->
                    "Garmin refused access to your activities (HTTP 403 Forbidden) — send /link to reconnect";
            case GARMIN_NOT_LINKED -> "your Garmin link is incomplete — send /link to reconnect";
            case GARMIN_SLOW -> "Garmin is answering slowly; I'm still fetching your runs in the background, so ask "
                    + "again in a minute";
            case GARMIN_BAD_DATA -> "Garmin sent your activities in a form I couldn't read" + NEXT_TIME;
            case GARMIN_UNAVAILABLE -> unavailable(p) + NEXT_TIME;
            default -> strip(p.friendly());
        };
    }

    private static String unavailable(GarminProblem p) {
        String d = p.detail();
        if (d.startsWith("HTML")) {
            return "Garmin sent a web page instead of your data, which usually means an outage or a block on "
                    + "automated requests";
        }
        if (d.contains("challenge page")) {
            return "Garmin's firewall blocked the request (HTTP 403 challenge page)";
        }
        if (p.httpStatus().isPresent()) {
            return "Garmin's servers are failing (" + d + ")";
        }
        if (d.startsWith("time-out")) {
            return "Garmin did not answer in time (" + d + ")";
        }
        return "I couldn't reach Garmin";
    }

    private static String strip(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }
}
