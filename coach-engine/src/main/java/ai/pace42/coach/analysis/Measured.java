package ai.pace42.coach.analysis;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A metric that is either known or unknown with the reason, so "not enough data" is a result rather than an
 * exception or a misleading zero.
 */
public sealed interface Measured<T> permits Measured.Known, Measured.Unknown {

    record Known<T>(T value) implements Measured<T> {
        public Known {
            Objects.requireNonNull(value, "value");
        }
    }

    record Unknown<T>(String reason) implements Measured<T> {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <T> Measured<T> of(T value) {
        return new Known<>(value);
    }

    static <T> Measured<T> unknown(String reason) {
        return new Unknown<>(reason);
    }

    default boolean isKnown() {
        return this instanceof Known;
    }

    default Optional<T> toOptional() {
        return this instanceof Known<T> k ? Optional.of(k.value()) : Optional.empty();
    }

    default T orElse(T other) {
        return this instanceof Known<T> k ? k.value() : other;
    }

    /** The value; only call after {@link #isKnown()}. */
    default T get() {
        if (this instanceof Known<T> k) {
            return k.value();
        }
        throw new IllegalStateException("unknown: " + ((Unknown<T>) this).reason());
    }

    /** Why the value is unknown, or empty when it is known. */
    default String reason() {
        return this instanceof Unknown<T> u ? u.reason() : "";
    }

    default <R> Measured<R> map(Function<T, R> f) {
        return this instanceof Known<T> k ? of(f.apply(k.value())) : unknown(reason());
    }
}
