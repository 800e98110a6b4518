package io.docextract.server.admin;

/**
 * One field of an update: leave it as it is, or set it to a value ({@code null} clears an
 * optional setting, e.g. a limit override goes back to the plan's).
 */
public sealed interface Change<T> {

    record Keep<T>() implements Change<T> {}

    record To<T>(T value) implements Change<T> {}

    static <T> Change<T> keep() {
        return new Keep<>();
    }

    static <T> Change<T> to(T value) {
        return new To<>(value);
    }

    default T applyTo(T current) {
        return switch (this) {
            case Keep<T> keep -> current;
            case To<T> to -> to.value();
        };
    }
}
