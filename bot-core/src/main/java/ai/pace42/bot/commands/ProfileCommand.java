package ai.pace42.bot.commands;

import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import ai.pace42.bot.profile.ProfileField;
import ai.pace42.bot.profile.RunnerProfile;
import ai.pace42.bot.profile.RunnerProfiles;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.model.Sex;
import java.time.Clock;
import java.time.Year;
import java.util.Locale;
import java.util.Optional;

/**
 * Shows, sets and clears what the runner tells the coach about themselves (max HR, resting HR, LTHR, threshold
 * pace, birth year, sex). The coach calls a threshold "yours" only when it comes from here or from enough runs.
 */
public final class ProfileCommand implements Command {

    private static final String FIELDS = "max-hr, resting-hr, lthr, threshold-pace, birth-year or sex";

    private final RunnerProfiles profiles;
    private final Clock clock;

    public ProfileCommand(RunnerProfiles profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "profile";
    }

    @Override
    public String usage() {
        return "/profile [max-hr|resting-hr|lthr|threshold-pace|birth-year|sex <value>] | /profile clear [field]";
    }

    @Override
    public boolean privateOnly() {
        return true;
    }

    @Override
    public String summary() {
        return "Tell the coach your max HR, resting HR, LTHR, threshold pace, birth year or sex";
    }

    @Override
    public Reply run(CommandContext context) {
        String id = context.account().id();
        UnitSystem units = context.account().units();
        String[] words = context.args().toLowerCase(Locale.ROOT).split("\\s+", 2);
        String first = words[0];
        String rest = words.length > 1 ? words[1].strip() : "";
        if (first.isEmpty()) {
            return Reply.text(show(profiles.of(id), units));
        }
        if (first.equals("clear") || rest.equals("clear")) {
            return clear(id, first.equals("clear") ? rest : first);
        }
        Optional<ProfileField> field = ProfileField.parse(first);
        if (field.isEmpty()) {
            return Reply.text("I keep " + FIELDS + ". For example: /profile max-hr 188");
        }
        ProfileField f = field.get();
        if (rest.isEmpty()) {
            return Reply.text("Give a value, e.g. /profile " + f.word() + " " + f.example() + ".");
        }
        int year = Year.now(clock).getValue();
        Optional<Integer> value = f.read(rest, units, year);
        if (value.isEmpty()) {
            return Reply.text("\"" + rest + "\" is not a " + f.label() + " I can use: give " + f.range(year)
                    + ". Nothing was changed.");
        }
        profiles.set(id, f, value.get());
        return Reply.text("Done: your " + f.label() + " is **" + display(f, value.get(), units) + "**. "
                + "I'll use it as yours from your next question on; /profile shows everything I keep.");
    }

    private Reply clear(String id, String which) {
        if (which.isEmpty()) {
            profiles.clearAll(id);
            return Reply.text("Done: your profile is empty. I'll go by what your runs show, and call a threshold "
                    + "yours only once enough runs support it.");
        }
        Optional<ProfileField> field = ProfileField.parse(which);
        if (field.isEmpty()) {
            return Reply.text("I keep " + FIELDS + ". For example: /profile clear max-hr");
        }
        profiles.clear(id, field.get());
        return Reply.text("Done: I no longer use a " + field.get().label() + " from you.");
    }

    static String show(RunnerProfile p, UnitSystem units) {
        StringBuilder sb = new StringBuilder("**Your profile** (values I treat as yours):\n");
        for (ProfileField f : ProfileField.values()) {
            sb.append("- ").append(capitalise(f.label())).append(": ")
                    .append(p.get(f).map(v -> display(f, v, units)).orElse("not set")).append('\n');
        }
        sb.append("\nSet one with /profile max-hr 188 (or resting-hr, lthr, threshold-pace 4:15, birth-year 1986, "
                + "sex female); clear one with /profile clear max-hr, or all with /profile clear.");
        if (p.get(ProfileField.MAX_HR).isEmpty() && p.get(ProfileField.LTHR).isEmpty()) {
            sb.append("\nWithout a max HR or LTHR I estimate thresholds only from at least 8 runs over 4 weeks; "
                    + "a single file's highest heart rate is only a lower bound of your maximum.");
        }
        return sb.toString();
    }

    private static String display(ProfileField f, int v, UnitSystem units) {
        return switch (f) {
            case SEX -> Sex.values()[v].name().toLowerCase(Locale.ROOT);
            case BIRTH_YEAR -> Integer.toString(v);
            case THRESHOLD_PACE -> {
                long perUnit = Math.round(units == UnitSystem.IMPERIAL ? v * 1.609344 : v);
                yield String.format(Locale.ROOT, "%d:%02d /%s", perUnit / 60, perUnit % 60, units.distanceUnit());
            }
            default -> v + " bpm";
        };
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
