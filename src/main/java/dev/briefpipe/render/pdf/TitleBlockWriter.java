package dev.briefpipe.render.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import dev.briefpipe.config.LayoutBlock;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Table;
import java.awt.Color;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * The first-page header: a band with the series label and the brief's number and date, the title,
 * and the authors with their units, closed by a rule.
 */
final class TitleBlockWriter {
  private TitleBlockWriter() {}

  static void write(RenderContext ctx, LayoutBlock.Title block) {
    Row meta = ctx.data().table(block.sheet()).rows().get(0);
    PdfText t = ctx.text();
    PdfPTable band = new PdfPTable(new float[] {1.1f, 4f});
    band.setWidthPercentage(100);
    PdfPCell series = new PdfPCell(t.phrase(meta.text("series"), 11f, true, Color.WHITE, meta.cell("series").orElse(null)));
    series.setBackgroundColor(BriefTheme.NAVY);
    series.setBorder(Rectangle.NO_BORDER);
    series.setHorizontalAlignment(Element.ALIGN_CENTER);
    series.setVerticalAlignment(Element.ALIGN_MIDDLE);
    series.setPadding(6);
    band.addCell(series);
    LocalDate date = (LocalDate) meta.get("date");
    String right = meta.text("publisher") + " 브리프 제" + meta.text("number") + "호  |  "
        + date.getYear() + "." + date.getMonthValue() + "." + date.getDayOfMonth() + ".";
    PdfPCell info = new PdfPCell(t.phrase(right, 9f, false, BriefTheme.GREY));
    info.setBorder(Rectangle.BOTTOM);
    info.setBorderColor(BriefTheme.NAVY);
    info.setBorderWidth(1.5f);
    info.setHorizontalAlignment(Element.ALIGN_RIGHT);
    info.setVerticalAlignment(Element.ALIGN_MIDDLE);
    info.setPadding(6);
    band.addCell(info);
    ctx.add(band);

    Paragraph title = t.paragraph(20f);
    title.add(t.phrase(meta.text("title"), 20f, true, BriefTheme.NAVY, meta.cell("title").orElse(null)));
    title.setAlignment(Element.ALIGN_CENTER);
    title.setLeading(28);
    title.setSpacingBefore(26);
    title.setSpacingAfter(14);
    ctx.add(title);

    if (block.authors() != null) {
      Table authors = ctx.data().table(block.authors());
      String line = authors.rows().stream()
          .sorted(Comparator.comparing(r -> r.text("order").length() == 0 ? 0L : (Long) r.get("order")))
          .map(r -> r.text("unit") + " " + r.text("name"))
          .collect(Collectors.joining("  ·  "));
      Paragraph p = t.paragraph(line, 9.5f, false, BriefTheme.GREY);
      p.setAlignment(Element.ALIGN_RIGHT);
      p.setSpacingAfter(6);
      ctx.add(p);
    }
    PdfPTable rule = new PdfPTable(1);
    rule.setWidthPercentage(100);
    PdfPCell line = new PdfPCell();
    line.setBorder(Rectangle.TOP);
    line.setBorderColor(BriefTheme.NAVY);
    line.setBorderWidth(0.8f);
    line.setFixedHeight(8);
    rule.addCell(line);
    ctx.add(rule);
  }
}
