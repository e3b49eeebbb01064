package dev.briefpipe.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The validated tables of one workbook, by schema id, in schema order. */
public final class Dataset {
    private final Map<String, Table> tables = new LinkedHashMap<>();

    public Dataset(Collection<Table> tables) {
        tables.forEach(t -> this.tables.put(t.id(), t));
    }

    public Optional<Table> findTable(String id) {
        return Optional.ofNullable(tables.get(id));
    }

    public Table table(String id) {
        return findTable(id).orElseThrow(() -> new NoSuchElementException("no table '" + id + "' in dataset"));
    }

    public Collection<Table> tables() {
        return tables.values();
    }
}
