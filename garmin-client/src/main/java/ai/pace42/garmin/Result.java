package ai.pace42.garmin;

import java.util.Objects;
import java.util.function.Function;

/** Either a value or a {@link GarminProblem}; the client's only way to report failure (it does not throw). */
public sealed interface Result<T> {

    record Ok<T>(T value) implements Result<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    record Failed<T>(GarminProblem problem) implements Result<T> {
        public Failed {
            Objects.requireNonNull(problem, "problem");
        }
    }

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> failed(GarminProblem problem) {
        return new Failed<>(problem);
    }

    static <T> Result<T> failed(GarminProblemCode code, String detail) {
        return new Failed<>(GarminProblem.of(code, detail));
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; throws if this is a failure, so only use after {@link #isOk()}. */
    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("no value: " + problem().code());
    }

    /** The problem; throws if this is a success. */
    default GarminProblem problem() {
        if (this instanceof Failed<T> f) {
            return f.problem();
        }
        throw new IllegalStateException("not a failure");
    }

    default <U> Result<U> map(Function<? super T, ? extends U> f) {
        return this instanceof Ok<T> ok ? new Ok<>(f.apply(ok.value())) : new Failed<>(problem());
    }

    default <U> Result<U> flatMap(Function<? super T, Result<U>> f) {
        return this instanceof Ok<T> ok ? f.apply(ok.value()) : new Failed<>(problem());
    }
}
