package ai.pace42.bot.account;

import ai.pace42.coach.UnitSystem;
import java.util.Locale;
import java.util.Optional;

/** Reads and writes the units column: {@code km} or {@code mi}, and the words runners type for them. */
public final class Units {

    private Units() {
    }

    public static String toColumn(UnitSystem units) {
        return units.distanceUnit();
    }

    public static UnitSystem fromColumn(String column) {
        return "mi".equals(column) ? UnitSystem.IMPERIAL : UnitSystem.METRIC;
    }

    /** Understands km, kilometres, metric, mi, miles, imperial; empty for anything else. */
    public static Optional<UnitSystem> parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "km", "kms", "kilometer", "kilometers", "kilometre", "kilometres", "metric":
                return Optional.of(UnitSystem.METRIC);
            case "mi", "mile", "miles", "imperial":
                return Optional.of(UnitSystem.IMPERIAL);
            default:
                return Optional.empty();
        }
    }
}
