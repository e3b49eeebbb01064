package dev.briefpipe.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything about one brief: its workbook and schema, its PDF layout, outputs, summary, schedule and
 * recipients. Loaded from {@code config/briefs/<id>.yaml} by {@link ConfigLoader}, checked at load.
 *
 * @param workbook path of the workbook, relative to the project folder (the parent of the config folder)
 */
public record BriefConfig(
    String id,
    String title,
    String workbook,
    String locale,
    Outputs outputs,
    StyleConfig style,
    Map<String, SheetSchema> sheets,
    List<LayoutBlock> layout,
    SummaryConfig summary,
    ScheduleConfig schedule,
    DeliveryConfig delivery) {

  public BriefConfig {
    locale = locale == null ? "ko-KR" : locale;
    outputs = outputs == null ? new Outputs(null, null) : outputs;
    style = style == null ? StyleConfig.defaults() : style;
    sheets = sheets == null ? Map.of() : new LinkedHashMap<>(sheets);
    layout = layout == null ? List.of() : List.copyOf(layout);
  }

  /** @param pdf file name pattern; {id} and {period} are replaced */
  public record Outputs(String pdf, Boolean csv) {
    public Outputs {
      pdf = pdf == null ? "{id}-{period}.pdf" : pdf;
      csv = csv == null || csv;
    }
  }

  /**
   * @param mode {@code copy} (write the refreshed workbook into the output folder) or {@code in-place}
   */
  public record SummaryConfig(String sheet, String mode, List<Figure> figures) {
    public SummaryConfig {
      sheet = sheet == null ? "요약" : sheet;
      mode = mode == null ? "copy" : mode;
      figures = figures == null ? List.of() : List.copyOf(figures);
    }
  }

  /** A headline figure: an expression over the data, with a label, unit and Excel number format. */
  public record Figure(String id, String label, String expr, String unit, String format, String note) {}

  /** @param cron a Quartz cron expression; zone an IANA time zone */
  public record ScheduleConfig(String cron, String zone) {}

  /** Who receives the brief (to/cc/bcc) and who hears about data problems (analysts). */
  public record DeliveryConfig(List<String> to, List<String> cc, List<String> bcc, List<String> analysts) {
    public DeliveryConfig {
      to = to == null ? List.of() : List.copyOf(to);
      cc = cc == null ? List.of() : List.copyOf(cc);
      bcc = bcc == null ? List.of() : List.copyOf(bcc);
      analysts = analysts == null ? List.of() : List.copyOf(analysts);
    }
  }
}
