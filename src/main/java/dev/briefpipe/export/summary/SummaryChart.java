package dev.briefpipe.export.summary;

import java.util.Locale;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** One native Excel bar chart of a group table, referencing its cells (so it follows the formulas). */
final class SummaryChart {
    private SummaryChart() {}

    /** The title is tagged with the brief's language, not the language of the machine that wrote it. */
    static void add(
            XSSFSheet sheet,
            GroupTableWriter.Placed table,
            String kind,
            String title,
            int col,
            int row,
            Locale language) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col, row, col + 8, row + 18);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.getTitle().getBody().getParagraph(0).getTextRuns().forEach(r -> r.setLanguage(language));
        chart.setTitleOverlay(false);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
        if (!"column".equals(kind)) {
            // Horizontal bars list from the bottom up; reverse so the table's first row is on top.
            categories.setOrientation(AxisOrientation.MAX_MIN);
        }
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.BOTTOM);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> cats =
                new CachedRange<>(range(sheet, table, table.keyColumn()), table.keyColumn(), table.keys());
        XDDFNumericalDataSource<Double> vals =
                new CachedRange.Numbers(range(sheet, table, table.valueColumn()), table.valueColumn(), table.values());
        XDDFChartData data = chart.createData(ChartTypes.BAR, categories, values);
        XDDFChartData.Series series = data.addSeries(cats, vals);
        series.setTitle(title, null);
        // Without an explicit fill some spreadsheet programs (LibreOffice) draw the bars invisible.
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setFillProperties(
                new XDDFSolidFillProperties(XDDFColor.from(new byte[] {(byte) 0x1F, (byte) 0x3A, (byte) 0x68})));
        series.setShapeProperties(shape);
        ((XDDFBarChartData) data).setBarDirection("column".equals(kind) ? BarDirection.COL : BarDirection.BAR);
        data.setVaryColors(false);
        chart.plot(data);
    }

    private static String range(XSSFSheet sheet, GroupTableWriter.Placed table, int column) {
        return new CellRangeAddress(table.firstRow(), table.lastRow(), column, column)
                .formatAsString(sheet.getSheetName(), true);
    }
}
