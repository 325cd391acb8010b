package ai.pace42.coach.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds text in pace42's markup: {@code **bold**} headings and {@code "- "} bullets, nothing else. Follows the
 * answer contract: coach observations (3–5 bullets), optional four-line synthesis, full description.
 */
public final class AnswerText {

    public static final int MAX_OBSERVATIONS = 5;

    private final List<String> preface = new ArrayList<>();
    private final List<String> observations = new ArrayList<>();
    private final List<String[]> synthesis = new ArrayList<>();
    private final List<String> description = new ArrayList<>();

    public AnswerText preface(String line) {
        preface.add(line);
        return this;
    }

    /** Adds an observation unless five are already there; callers add the most important first. */
    public AnswerText observe(String bullet) {
        if (observations.size() < MAX_OBSERVATIONS && bullet != null && !bullet.isBlank()) {
            observations.add(bullet);
        }
        return this;
    }

    public int observationCount() {
        return observations.size();
    }

    public AnswerText synthesis(String label, String sentence) {
        synthesis.add(new String[] {label, sentence});
        return this;
    }

    public AnswerText describe(String paragraph) {
        if (paragraph != null && !paragraph.isBlank()) {
            description.add(paragraph);
        }
        return this;
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        for (String p : preface) {
            sb.append(p).append("\n\n");
        }
        if (!observations.isEmpty()) {
            sb.append("**Coach observations**\n");
            for (String o : observations) {
                sb.append("- ").append(o).append('\n');
            }
            sb.append('\n');
        }
        for (String[] s : synthesis) {
            sb.append("**").append(s[0]).append(":** ").append(s[1]).append('\n');
        }
        if (!synthesis.isEmpty()) {
            sb.append('\n');
        }
        if (!description.isEmpty()) {
            sb.append("**Full description**\n");
            sb.append(String.join("\n\n", description)).append('\n');
        }
        return sb.toString().strip();
    }
}
