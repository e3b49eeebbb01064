package dev.briefpipe.export.summary;

import java.util.List;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;

/**
 * A chart series' data: a reference to the summary's cells, with briefpipe's own values as its cache
 * (the values the cells cache too). POI's cell-range sources would read the cells back through a
 * formula evaluator, which loads all of Excel's functions for a handful of cached numbers.
 */
class CachedRange<T> implements XDDFDataSource<T> {
    private final String reference;
    private final int column;
    private final List<T> values;

    /** @param reference an absolute range with its sheet, as in a formula; column its column index */
    CachedRange(String reference, int column, List<T> values) {
        this.reference = reference;
        this.column = column;
        this.values = List.copyOf(values);
    }

    @Override
    public int getPointCount() {
        return values.size();
    }

    @Override
    public T getPointAt(int index) {
        return values.get(index);
    }

    @Override
    public boolean isLiteral() {
        return false;
    }

    /** True: the cells hold the data already, so POI writes no embedded copy of it. */
    @Override
    public boolean isCellRange() {
        return true;
    }

    @Override
    public boolean isReference() {
        return true;
    }

    @Override
    public boolean isNumeric() {
        return false;
    }

    @Override
    public int getColIndex() {
        return column;
    }

    @Override
    public String getDataRangeReference() {
        return reference;
    }

    @Override
    public String getFormatCode() {
        return null;
    }

    /** Numbers: the value series. */
    static final class Numbers extends CachedRange<Double> implements XDDFNumericalDataSource<Double> {
        Numbers(String reference, int column, List<Double> values) {
            super(reference, column, values);
        }

        @Override
        public boolean isNumeric() {
            return true;
        }

        @Override
        public void setFormatCode(String formatCode) {
            throw new UnsupportedOperationException("the format is the cells'");
        }
    }
}
