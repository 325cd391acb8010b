package ai.pace42.coach.answer;

import ai.pace42.coach.CoachAnswer;

/** Answers that never depend on data: the medical template, the capability list, "no data yet". */
public final class FixedResponses {

    private FixedResponses() {
    }

    /** The safe response for pain and injury symptoms: no diagnosis, no training prescription. */
    public static CoachAnswer medical(boolean cardiacRedFlag) {
        if (cardiacRedFlag) {
            return CoachAnswer.text(String.join("\n",
                    "**Stop running and get medical care now.** Chest pain or pressure, fainting, palpitations or unusual breathlessness need a doctor today; if they are severe or do not settle, call emergency services.",
                    "",
                    "- I am a running coach, not a clinician, so I will not try to explain symptoms like these.",
                    "- I will hold all training advice until a doctor has cleared you.",
                    "- Once you are cleared, I can help you plan a gradual return."));
        }
        return CoachAnswer.text(String.join("\n",
                "**Please do not run on this until a clinician has looked at it.** I am a running coach, not a clinician, so I cannot tell you what is causing it.",
                "",
                "- Stop or pause running rather than training through pain.",
                "- Pain at one spot on a bone, pain at night or at rest, swelling, a limp, or pain that is worse the next morning are reasons to see a doctor or physiotherapist soon.",
                "- I can pause my training suggestions, and once you are cleared I can help you plan a gradual return."));
    }

    public static String capabilities() {
        return String.join("\n",
                "**Here is what I can answer:**",
                "- Analyze my last run (or \"yesterday's run\", \"my run on Tuesday\", \"my long run last Sunday\", \"my 10k on 3 May\")",
                "- Compare my last 3 runs",
                "- How is my fitness trending?",
                "- What should I run tomorrow?",
                "- Predict my half marathon (or 5k, 10k, marathon, 3 miles)",
                "- What are my training paces? (paces and heart-rate zones)",
                "- Weekly summary",
                "- What's my VO2max?");
    }

    public static CoachAnswer unrecognized(boolean hasSource) {
        String tail = hasSource ? "" : "\n\n" + noSourceHint();
        return CoachAnswer.text("I could not match that to something I can answer from your runs yet.\n\n" + capabilities() + tail);
    }

    public static CoachAnswer help(boolean hasSource) {
        String tail = hasSource ? "" : "\n\n" + noSourceHint();
        return CoachAnswer.text("I am your running coach: every answer comes from your own runs.\n\n" + capabilities() + tail);
    }

    public static CoachAnswer noSource() {
        return CoachAnswer.text("I do not have any runs for you yet, so I cannot answer that from your data.\n\n" + noSourceHint());
    }

    public static CoachAnswer noRuns(String sourceLabel) {
        return CoachAnswer.text("I could not find any runs in " + sourceLabel
                + " for the last months, so there is nothing to analyse yet. Once a run has synced, ask again.");
    }

    public static CoachAnswer loadFailed(String sourceLabel) {
        return CoachAnswer.text("I could not load your runs from " + sourceLabel
                + " just now, so I would rather not guess. Please try again in a few minutes.");
    }

    static String noSourceHint() {
        return "- Send /link to connect Garmin\n- Send /sample to try every question with pace42's sample athlete";
    }
}
