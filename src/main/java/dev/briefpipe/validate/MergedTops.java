package dev.briefpipe.validate;

import dev.briefpipe.model.RawCell;
import dev.briefpipe.model.RawSheet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of a sheet's merged regions, caught from their top-left cells as the rows go by, so a blank
 * cell further in a region can take the region's value.
 */
final class MergedTops {
    private final List<RawSheet.Merged> regions;
    private final Set<Long> positions = new HashSet<>();
    private final Map<Long, RawCell> tops = new HashMap<>();

    MergedTops(List<RawSheet.Merged> regions) {
        this.regions = regions;
        regions.forEach(m -> positions.add(position(m.firstRow(), m.firstColumn())));
    }

    /** Keeps the row's cells that are the top-left cell of a region. */
    void catchTops(RawSheet.RawRow raw) {
        if (!positions.isEmpty()) {
            for (RawCell c : raw.cells()) {
                long at = position(c.row(), c.column());
                if (positions.contains(at)) {
                    tops.put(at, c);
                }
            }
        }
    }

    /** The value a blank cell takes from the merged region it lies in, or null. */
    RawCell valueFor(RawCell cell) {
        return regions.stream()
                .filter(m -> m.contains(cell.row(), cell.column())
                        && !(m.firstRow() == cell.row() && m.firstColumn() == cell.column()))
                .findFirst()
                .map(m -> tops.get(position(m.firstRow(), m.firstColumn())))
                .filter(c -> !c.isBlank())
                .orElse(null);
    }

    private static long position(int row, int column) {
        return ((long) row << 20) | column;
    }
}
