package ai.pace42.bot.memory;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What the runner told the coach about themselves (table {@code coach_memory}): goal race, training phase, injuries
 * and niggles, days available. The runner sees and edits it with /memory; the LLM coach's tools and the planner
 * read it. Free text, cleaned of control and invisible characters and capped, because it reaches a model prompt.
 */
public final class CoachMemory {

    /** The things remembered, with the word /memory uses for each. */
    public enum Field {
        GOAL("goal", "Goal race", "goal_race"),
        PHASE("phase", "Training phase", "training_phase"),
        INJURIES("injuries", "Injuries and niggles", "injuries"),
        DAYS("days", "Days available", "days_available");

        private final String word;
        private final String label;
        private final String column;

        Field(String word, String label, String column) {
            this.word = word;
            this.label = label;
            this.column = column;
        }

        public String word() {
            return word;
        }

        public String label() {
            return label;
        }

        public static Optional<Field> parse(String word) {
            String w = word.toLowerCase(Locale.ROOT);
            for (Field f : values()) {
                if (f.word.equals(w) || (f == INJURIES && (w.equals("injury") || w.equals("niggles")))
                        || (f == DAYS && w.equals("availability"))) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    public static final int MAX_CHARS = 200;

    private final Jdbi jdbi;
    private final Clock clock;

    public CoachMemory(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The fields the runner has set, in the order of {@link Field}. */
    public Map<Field, String> of(String accountId) {
        Map<Field, String> out = new EnumMap<>(Field.class);
        jdbi.useHandle(h -> h.createQuery("SELECT goal_race, training_phase, injuries, days_available "
                        + "FROM coach_memory WHERE account_id = :a").bind("a", accountId)
                .map((rs, ctx) -> {
                    for (Field f : Field.values()) {
                        String v = rs.getString(f.ordinal() + 1);
                        if (v != null && !v.isBlank()) {
                            out.put(f, v);
                        }
                    }
                    return true;
                }).findOne());
        return out;
    }

    /** Sets one field (blank clears it); returns the stored, cleaned value. */
    public String set(String accountId, Field field, String value) {
        String clean = clean(value);
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE coach_memory SET " + field.column + " = :v, updated_at = :at "
                            + "WHERE account_id = :a") // the column is a constant of Field, never input
                    .bind("v", clean.isEmpty() ? null : clean).bind("at", clock.millis()).bind("a", accountId)
                    .execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO coach_memory (account_id, " + field.column + ", updated_at) "
                                + "VALUES (:a, :v, :at)")
                        .bind("v", clean.isEmpty() ? null : clean).bind("at", clock.millis()).bind("a", accountId)
                        .execute();
            }
        });
        return clean;
    }

    /** Forgets everything the coach memory holds for the account. */
    public boolean clear(String accountId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM coach_memory WHERE account_id = :a")
                .bind("a", accountId).execute()) > 0;
    }

    /** Control, format (zero-width, bidi) and line characters removed, whitespace collapsed, length capped. */
    public static String clean(String value) {
        StringBuilder sb = new StringBuilder();
        value.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        String s = sb.toString().replaceAll("\\s+", " ").strip();
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS);
    }
}
