package dev.briefpipe.export.template;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An empty workbook made from a brief's schema, for analysts to fill in: each sheet with its headers,
 * column widths and formats, a frozen header row, and Excel data validation on the data rows
 * (dropdowns for allowed values, ranges for numbers, years and dates, lengths for text) whose input
 * message is the field's help. Validation is a warning in Excel, so text such as "약 560만" that
 * briefpipe normalises can still be typed.
 */
public final class TemplateWriter {
    /** How many data rows carry the data validation. */
    static final int ROWS = 1000;
    /** The hidden sheet holding allowed-value lists too long for an inline dropdown. */
    static final String LISTS = "_목록";

    private final Messages messages;

    public TemplateWriter(Messages messages) {
        this.messages = messages;
    }

    public byte[] write(BriefConfig brief) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = headerStyle(wb);
            Lists lists = new Lists(wb);
            for (SheetSchema schema : brief.sheets().values()) {
                writeSheet(wb, brief, schema, header, lists);
            }
            lists.finish();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private void writeSheet(XSSFWorkbook wb, BriefConfig brief, SheetSchema schema, CellStyle header, Lists lists) {
        Sheet sheet = wb.createSheet(schema.sheet());
        int headerIndex = schema.headerRow() - 1;
        if (headerIndex > 0 && schema.title() != null) {
            sheet.createRow(0).createCell(0).setCellValue(schema.title());
        }
        Row row = sheet.createRow(headerIndex);
        DataValidationHelper dv = sheet.getDataValidationHelper();
        int c = 0;
        for (Map.Entry<String, ColumnSpec> e : schema.columns().entrySet()) {
            ColumnSpec spec = e.getValue();
            var cell = row.createCell(c);
            cell.setCellValue(spec.title());
            cell.setCellStyle(header);
            sheet.setColumnWidth(c, Math.min(255, width(spec)) * 256);
            String format = format(spec);
            if (format != null) {
                CellStyle style = wb.createCellStyle();
                style.setDataFormat(wb.createDataFormat().getFormat(format));
                sheet.setDefaultColumnStyle(c, style);
            }
            // As many rows as the sheet may hold: the one row of 브리프정보 offers no help on a second.
            int rows = schema.rows().max() == null
                    ? ROWS
                    : Math.min(ROWS, schema.rows().max());
            CellRangeAddressList range = new CellRangeAddressList(headerIndex + 1, headerIndex + rows, c, c);
            DataValidation validation = dv.createValidation(constraint(dv, brief, spec, lists), range);
            validation.setShowPromptBox(true);
            validation.createPromptBox(clip(spec.title(), 32), clip(prompt(spec), 255));
            if (validation.getValidationConstraint().getValidationType() != ValidationType.ANY) {
                validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
                validation.setShowErrorBox(true);
                validation.createErrorBox(
                        clip(spec.title(), 32), clip(messages.get("template.error-box", expected(spec)), 255));
            }
            validation.setEmptyCellAllowed(!spec.required());
            sheet.addValidationData(validation);
            c++;
        }
        sheet.createFreezePane(0, headerIndex + 1);
    }

    private DataValidationConstraint constraint(
            DataValidationHelper dv, BriefConfig brief, ColumnSpec spec, Lists lists) {
        if (spec.valuesFrom() != null || spec.references() != null) {
            String target = spec.valuesFrom() != null ? spec.valuesFrom() : spec.references();
            String formula = columnOf(brief, target);
            if (formula != null) {
                return dv.createFormulaListConstraint(formula);
            }
        }
        if (!spec.values().isEmpty()) {
            String joined = String.join(",", spec.values());
            if (joined.length() <= 250 && spec.values().stream().noneMatch(v -> v.contains(",") || v.contains("\""))) {
                return dv.createExplicitListConstraint(spec.values().toArray(String[]::new));
            }
            return dv.createFormulaListConstraint(lists.add(spec.values()));
        }
        return switch (spec.type()) {
            case INTEGER ->
                dv.createIntegerConstraint(
                        op(spec), bound(spec.min(), "-999999999999"), bound(spec.max(), "999999999999"));
            case YEAR ->
                dv.createIntegerConstraint(OperatorType.BETWEEN, bound(spec.min(), "1900"), bound(spec.max(), "2100"));
            case DECIMAL ->
                spec.min() == null && spec.max() == null
                        ? any()
                        : dv.createDecimalConstraint(op(spec), bound(spec.min(), "-1E+15"), bound(spec.max(), "1E+15"));
            case DATE -> dv.createDateConstraint(OperatorType.BETWEEN, "DATE(1900,1,1)", "DATE(2100,12,31)", null);
            case BOOLEAN -> dv.createExplicitListConstraint(new String[] {"TRUE", "FALSE"});
            case TEXT, URL, EMAIL ->
                spec.maxLength() != null
                        ? dv.createTextLengthConstraint(
                                OperatorType.LESS_OR_EQUAL, String.valueOf(spec.maxLength()), null)
                        : any();
            default -> any();
        };
    }

    private static DataValidationConstraint any() {
        // "Any value": no check, only the input message.
        return new org.apache.poi.xssf.usermodel.XSSFDataValidationConstraint(
                ValidationType.ANY, OperatorType.IGNORED, null, null);
    }

    private static int op(ColumnSpec spec) {
        if (spec.min() != null && spec.max() == null) {
            return OperatorType.GREATER_OR_EQUAL;
        }
        if (spec.min() == null && spec.max() != null) {
            return OperatorType.LESS_OR_EQUAL;
        }
        return OperatorType.BETWEEN;
    }

    /** The constraint's first and second formulas; with only one bound, the other argument is ignored. */
    private static String bound(BigDecimal b, String open) {
        return b == null ? open : b.toPlainString();
    }

    /** {@code 'Sheet'!$B$2:$B$1001} for "sheetId.field", or null when either is unknown. */
    private static String columnOf(BriefConfig brief, String target) {
        int dot = target.indexOf('.');
        SheetSchema s = dot < 0 ? null : brief.sheets().get(target.substring(0, dot));
        if (s == null) {
            return null;
        }
        List<String> fields = new ArrayList<>(s.columns().keySet());
        int col = fields.indexOf(target.substring(dot + 1));
        if (col < 0) {
            return null;
        }
        String letter = CellReference.convertNumToColString(col);
        int first = s.headerRow() + 1;
        return "'" + s.sheet().replace("'", "''") + "'!$" + letter + "$" + first + ":$" + letter + "$"
                + (first + ROWS - 1);
    }

    private String prompt(ColumnSpec spec) {
        StringBuilder p = new StringBuilder();
        if (spec.help() != null && !spec.help().isBlank()) {
            p.append(spec.help().strip());
        }
        String expected = expected(spec);
        if (!expected.isEmpty()) {
            p.append(p.isEmpty() ? "" : "\n").append(expected);
        }
        if (spec.required()) {
            p.append(p.isEmpty() ? "" : "\n").append(messages.get("template.required"));
        }
        return p.toString();
    }

    /** What the field takes, in a few words: type, unit, range, allowed values. */
    private String expected(ColumnSpec spec) {
        StringBuilder e = new StringBuilder(messages.get("type." + spec.type().yamlName()));
        if (spec.unit() != null && !spec.unit().isBlank()) {
            e.append(" (").append(spec.unit()).append(')');
        }
        if (spec.min() != null || spec.max() != null) {
            e.append(", ")
                    .append(spec.min() == null ? "" : spec.min().toPlainString())
                    .append('–')
                    .append(spec.max() == null ? "" : spec.max().toPlainString());
        }
        if (!spec.values().isEmpty()) {
            e.append(": ").append(String.join(", ", spec.values()));
        }
        return e.toString();
    }

    private static int width(ColumnSpec spec) {
        if (spec.width() != null) {
            return spec.width();
        }
        // Hangul is about two characters wide in Excel's default font.
        int title = spec.title().codePoints().map(cp -> cp >= 0x1100 ? 2 : 1).sum();
        return Math.max(10, title + 3);
    }

    private static String format(ColumnSpec spec) {
        if (spec.format() != null) {
            return spec.format();
        }
        return switch (spec.type()) {
            case DATE -> "yyyy-mm-dd";
            case INTEGER -> "#,##0";
            case YEAR -> "0";
            case PERCENT -> "0.0%"; // Excel then keeps 70.8 typed as 70.8 %, not 7,080 %
            case TEXT, URL, EMAIL, ENUM, YEAR_MONTH -> "@";
            default -> null;
        };
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static CellStyle headerStyle(XSSFWorkbook wb) {
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle style = wb.createCellStyle();
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        style.setWrapText(true);
        return style;
    }

    /** Long allowed-value lists, one column each on a hidden sheet. */
    private static final class Lists {
        private final XSSFWorkbook wb;
        private Sheet sheet;
        private int column;

        Lists(XSSFWorkbook wb) {
            this.wb = wb;
        }

        String add(List<String> values) {
            if (sheet == null) {
                sheet = wb.createSheet(LISTS);
            }
            for (int i = 0; i < values.size(); i++) {
                Row r = sheet.getRow(i) != null ? sheet.getRow(i) : sheet.createRow(i);
                r.createCell(column).setCellValue(values.get(i));
            }
            String letter = CellReference.convertNumToColString(column++);
            return "'" + LISTS + "'!$" + letter + "$1:$" + letter + "$" + values.size();
        }

        void finish() {
            if (sheet != null) {
                wb.setSheetVisibility(wb.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
            }
        }
    }
}
