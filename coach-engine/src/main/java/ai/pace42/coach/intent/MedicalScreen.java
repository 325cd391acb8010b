package ai.pace42.coach.intent;

import java.util.regex.Pattern;

/**
 * Keyword screen for questions a coach must not answer: pain, injury symptoms, illness signs and cardiac red
 * flags. Deliberately broad: a false positive costs one templated reply, a false negative could cost a runner.
 */
public final class MedicalScreen {

    private static final Pattern CARDIAC = Pattern.compile(
            "chest (pain|pressure|tight)|tight(ness)? in (my )?chest|faint|passed out|blacked out|black out|palpitation"
                    + "|heart (racing|flutter|skipp)|irregular heart|skipped beats?|dizz(y|iness)|light[- ]?headed"
                    + "|short(ness)? of breath|can'?t breathe|couldn'?t breathe|breathless");
    private static final Pattern SYMPTOM = Pattern.compile(
            "\\b(pain|painful|hurts?|hurting|ache|aches|aching|sore (knee|shin|hip|foot|ankle|achilles|calf|back)"
                    + "|injur(y|ed|ies)|sprain(ed)?|strain(ed)? (my )?(calf|hamstring|muscle)|swollen|swelling|limp(ing)?"
                    + "|fracture|shin ?splints?|tendon|tendinitis|tendinopathy|plantar|itb|it band|numb(ness)?|tingling"
                    + "|bleeding|fever|flu|covid|infection|medication|painkillers?|ibuprofen|pregnan(t|cy)"
                    + "|eating disorder|stress reaction)\\b");

    private MedicalScreen() {
    }

    public static boolean isCardiacRedFlag(String lower) {
        return CARDIAC.matcher(lower).find();
    }

    public static boolean isMedical(String lower) {
        return isCardiacRedFlag(lower) || SYMPTOM.matcher(lower).find();
    }
}
