package ai.pace42.coach.model;

import java.util.Objects;

/** A value together with where it came from. */
public record Sourced<T>(T value, ValueSource source) {

    public Sourced {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }

    public static <T> Sourced<T> userSet(T value) {
        return new Sourced<>(value, ValueSource.USER_SET);
    }

    public static <T> Sourced<T> estimated(T value) {
        return new Sourced<>(value, ValueSource.ESTIMATED);
    }

    public static <T> Sourced<T> byDefault(T value) {
        return new Sourced<>(value, ValueSource.DEFAULT);
    }
}
