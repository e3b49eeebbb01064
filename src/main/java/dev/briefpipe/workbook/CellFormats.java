package dev.briefpipe.workbook;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/** Number formats by cell style index, looked up once each. */
final class CellFormats {
  private final StylesTable styles;
  private final Map<Integer, Short> indexes = new HashMap<>();
  private final Map<Integer, String> patterns = new HashMap<>();

  private CellFormats(StylesTable styles) {
    this.styles = styles;
  }

  static CellFormats of(StylesTable styles) {
    return new CellFormats(styles);
  }

  private final Map<Integer, Boolean> dates = new HashMap<>();

  boolean isDate(int style) {
    return dates.computeIfAbsent(style, s -> DateUtil.isADateFormat(index(s), pattern(s)));
  }

  short index(int style) {
    return indexes.computeIfAbsent(style, s -> style(s) == null ? 0 : style(s).getDataFormat());
  }

  String pattern(int style) {
    return patterns.computeIfAbsent(style, s -> style(s) == null ? "General" : style(s).getDataFormatString());
  }

  private XSSFCellStyle style(int s) {
    return styles == null || styles.getNumCellStyles() == 0 || s >= styles.getNumCellStyles() ? null : styles.getStyleAt(s);
  }
}
