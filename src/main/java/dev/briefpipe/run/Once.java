package dev.briefpipe.run;

import java.util.function.Supplier;

/** A supplier's value, got on the first call and kept: each later call gives the same one. */
final class Once<T> implements Supplier<T> {
    private final Supplier<T> supplier;
    private T value;

    Once(Supplier<T> supplier) {
        this.supplier = supplier;
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = supplier.get();
        }
        return value;
    }
}
