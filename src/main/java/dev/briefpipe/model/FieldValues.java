package dev.briefpipe.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One row's values by field, in an array beside the sheet's field list (shared by every row): a
 * million rows make a million small arrays, not ten million map entries. A field without a value
 * (a blank cell) is absent from the map, as it would be from a {@code HashMap}; fields iterate in
 * the sheet's order. Unmodifiable.
 */
public final class FieldValues extends AbstractMap<String, Object> implements ReadOnlyView {
    private final String[] fields;
    private final Object[] values;

    /**
     * @param fields the sheet's fields, not copied: every row of a sheet shares the one array
     * @param values the value of each field, or null; taken as it is, and not to be changed after
     */
    public FieldValues(String[] fields, Object[] values) {
        if (values.length != fields.length) {
            throw new IllegalArgumentException(values.length + " values for " + fields.length + " fields");
        }
        this.fields = fields;
        this.values = values;
    }

    @Override
    public Object get(Object field) {
        int i = index(field);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object field) {
        return get(field) != null;
    }

    private int index(Object field) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == field) {
                return i;
            }
        }
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].equals(field)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int i = from;
                        while (i < values.length && values[i] == null) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> e = new SimpleImmutableEntry<>(fields[next], values[next]);
                        next = advance(next + 1);
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                int n = 0;
                for (Object v : values) {
                    n += v == null ? 0 : 1;
                }
                return n;
            }
        };
    }
}
