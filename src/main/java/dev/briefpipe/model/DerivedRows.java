package dev.briefpipe.model;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.UnaryOperator;

/**
 * Rows computed from other rows each time one is asked for (a large sheet's rows with derived
 * fields added), so the computed values are never all held at once.
 */
public final class DerivedRows extends AbstractList<Row> implements RandomAccess {
    private final List<Row> source;
    private final UnaryOperator<Row> derive;

    public DerivedRows(List<Row> source, UnaryOperator<Row> derive) {
        this.source = source;
        this.derive = derive;
    }

    @Override
    public Row get(int index) {
        return derive.apply(source.get(index));
    }

    @Override
    public int size() {
        return source.size();
    }
}
