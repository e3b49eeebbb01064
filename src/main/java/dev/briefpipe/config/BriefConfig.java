package dev.briefpipe.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything about one brief: its workbook and schema, its PDF layout, outputs, summary, schedule and
 * recipients. Loaded from {@code config/briefs/<id>.yaml} by {@link ConfigLoader}, checked at load.
 *
 * @param workbook path of the workbook, relative to the project folder (the parent of the config folder)
 * @param extracts the CSV extracts; null = one excel-profile extract per sheet with export on
 * @param editorial what the PDF does with unverified rows (default: warn)
 */
public record BriefConfig(
        String id,
        String title,
        String workbook,
        String locale,
        Outputs outputs,
        List<ExtractConfig> extracts,
        NormaliseConfig normalise,
        StyleConfig style,
        Map<String, SheetSchema> sheets,
        List<LayoutBlock> layout,
        SummaryConfig summary,
        ScheduleConfig schedule,
        DeliveryConfig delivery,
        EditorialConfig editorial) {

    public BriefConfig {
        locale = locale == null ? "ko-KR" : locale;
        outputs = outputs == null ? new Outputs(null, null) : outputs;
        style = (style == null ? StyleConfig.defaults() : style).worded(locale);
        normalise = normalise == null ? NormaliseConfig.defaults() : normalise;
        extracts = extracts == null ? null : List.copyOf(extracts);
        sheets = sheets == null ? Map.of() : new LinkedHashMap<>(sheets);
        layout = layout == null ? List.of() : List.copyOf(layout);
        editorial = (editorial == null ? EditorialConfig.defaults() : editorial).worded(locale);
        summary = summary == null ? null : summary.worded(locale);
        delivery = delivery == null
                ? new DeliveryConfig(
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : delivery;
    }

    /** The month a run at {@code t} reports on: its own month in the brief's zone, or the one before. */
    public dev.briefpipe.model.Period periodAt(java.time.Instant t) {
        java.time.YearMonth m = java.time.YearMonth.from(t.atZone(zone()));
        boolean previous = schedule != null && "previous".equals(schedule.period());
        return new dev.briefpipe.model.Period(previous ? m.minusMonths(1) : m);
    }

    /** The brief's time zone: its schedule's, else Asia/Seoul (the period of a build, dates in outputs). */
    public java.time.ZoneId zone() {
        return java.time.ZoneId.of(schedule != null ? schedule.zone() : "Asia/Seoul");
    }

    /**
     * Everyone the brief is sent to: to, cc and bcc, each mailbox once (addresses that differ only in
     * case are one mailbox, as mail servers treat them; the first spelling is kept); none without a
     * delivery section.
     */
    public List<String> readers() {
        return mailboxes(java.util.stream.Stream.of(delivery.to(), delivery.cc(), delivery.bcc())
                .flatMap(List::stream)
                .toList());
    }

    /** Whether the brief goes to this mailbox, however the case of its address is written. */
    public boolean hasReader(String address) {
        return holds(readers(), address);
    }

    /** Whether the addresses hold this mailbox, in any case and whatever name is written before it. */
    public static boolean holds(java.util.Collection<String> addresses, String address) {
        String m = mailbox(address);
        return addresses.stream().anyMatch(a -> mailbox(a).equalsIgnoreCase(m));
    }

    /**
     * The addresses, each mailbox once and without the name written before it: addresses that differ
     * only in case are one, as mail servers treat them (the first spelling is kept).
     */
    public static List<String> mailboxes(List<String> addresses) {
        java.util.Set<String> seen = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        return addresses.stream().map(BriefConfig::mailbox).filter(seen::add).toList();
    }

    /**
     * A recipient's mailbox: the address of {@code 홍길동 <hong@example.org>}, a plain address as it is.
     * Deliveries are kept by it, so a name given or changed later mails nobody twice.
     */
    public static String mailbox(String recipient) {
        int open = recipient.lastIndexOf('<');
        return open >= 0 && recipient.endsWith(">")
                ? recipient.substring(open + 1, recipient.length() - 1).strip()
                : recipient;
    }

    /** @param pdf file name pattern; {id} and {period} are replaced */
    public record Outputs(String pdf, Boolean csv) {
        public Outputs {
            pdf = pdf == null ? "{id}-{period}.pdf" : pdf;
            csv = csv == null || csv;
        }

        /** The PDF's file name for a brief and period: {id} and {period} replaced. */
        public String pdfName(String id, String period) {
            return pdf.replace("{id}", id).replace("{period}", period);
        }
    }

    /**
     * @param mode {@code copy} (write the refreshed workbook into the output folder) or {@code in-place}
     */
    public record SummaryConfig(
            String sheet,
            SummaryMode mode,
            List<Figure> figures,
            List<GroupTable> tables,
            Chart chart,
            Boolean compare,
            java.math.BigDecimal maxChange) {
        public SummaryConfig {
            mode = mode == null ? SummaryMode.COPY : mode;
            figures = figures == null ? List.of() : List.copyOf(figures);
            tables = tables == null ? List.of() : List.copyOf(tables);
            compare = compare == null || compare;
        }

        /** This summary, its sheet unless named called so in the brief's language (요약, else Summary). */
        SummaryConfig worded(String locale) {
            String name = sheet != null ? sheet : locale.startsWith("ko") ? "요약" : "Summary";
            return new SummaryConfig(name, mode, figures, tables, chart, compare, maxChange);
        }
    }

    /**
     * A group-by table on the summary sheet: one row per value of {@code by} (and one column per value
     * of {@code across}), each cell a live COUNTIFS or SUMIFS over the data sheet.
     *
     * @param sum the field summed; null = count rows
     * @param sort desc or asc by the total (default: first appearance)
     * @param top keep only this many rows (after sorting)
     */
    public record GroupTable(
            String title,
            String sheet,
            String by,
            String across,
            String sum,
            String sort,
            Integer top,
            String format) {}

    /** One native Excel chart on the summary sheet, of the {@code table}-th group table (from 1). */
    public record Chart(Integer table, String kind, String title) {
        public Chart {
            table = table == null ? 1 : table;
            kind = kind == null ? "bar" : kind;
        }
    }

    /** A headline figure: an expression over the data, with a label, unit and Excel number format. */
    public record Figure(String id, String label, String expr, String unit, String format, String note) {}

    /**
     * When the brief is built and sent.
     *
     * @param cron a Quartz cron expression; a fire on a weekend or holiday moves to the next working day
     * @param zone an IANA time zone
     * @param period which month a fire reports on: current (the fire's month) or previous
     * @param retryMinutes while the data is invalid, the PDF unapproved or the mail failed, try again this often…
     * @param deadlineDays …until this many days after the scheduled fire; then the period is missed
     * @param workingDaysOnly move a fire on a weekend or holiday to the next working day (default true)
     */
    public record ScheduleConfig(
            String cron,
            String zone,
            String period,
            Integer retryMinutes,
            Integer deadlineDays,
            Boolean workingDaysOnly) {
        public ScheduleConfig {
            workingDaysOnly = workingDaysOnly == null || workingDaysOnly;
            zone = zone == null ? "Asia/Seoul" : zone;
            period = period == null ? "current" : period;
            // A retry no minute later would rebuild the brief without pause until the deadline.
            retryMinutes = retryMinutes == null ? 60 : BadSetting.atLeast("retryMinutes", retryMinutes, 1);
            deadlineDays = deadlineDays == null ? 5 : BadSetting.atLeast("deadlineDays", deadlineDays, 0);
        }
    }

    /**
     * Who receives the brief (to/cc/bcc), who hears about data problems (analysts) and about a run that
     * failed or a missed deadline (owners), and what the message says. Subject, attachment and intro
     * patterns take {title}, {period} (or {period:yyyy년 M월}, a date pattern) and {id}; null, the
     * letter's are in the brief's language.
     *
     * @param replyTo where the readers' replies to the brief go (none: to {@code mail.from})
     * @param attach what goes with the PDF: {@code csv} (the extracts as one zip), {@code workbook} (the
     *     workbook with its summary sheet)
     * @param oversize a message over {@code mail.maxMessageMegabytes}: {@code fail} (nobody is mailed, the
     *     owners are told), or {@code link} (the files are linked under {@code link} instead of attached)
     * @param link the address the published folder is served under, for {@code oversize: link}
     * @param approval {@code none}, or {@code required}: a scheduled run builds, then waits for an
     *     approver in the console; only the approved PDF's exact bytes are sent
     */
    public record DeliveryConfig(
            List<String> to,
            List<String> cc,
            List<String> bcc,
            List<String> analysts,
            List<String> owners,
            List<String> approvers,
            List<String> replyTo,
            String subject,
            String attachment,
            String intro,
            List<String> attach,
            String oversize,
            String link,
            String approval,
            List<String> figures) {
        public DeliveryConfig {
            to = to == null ? List.of() : List.copyOf(to);
            cc = cc == null ? List.of() : List.copyOf(cc);
            bcc = bcc == null ? List.of() : List.copyOf(bcc);
            analysts = analysts == null ? List.of() : List.copyOf(analysts);
            owners = owners == null ? analysts : List.copyOf(owners);
            approvers = approvers == null ? List.of() : List.copyOf(approvers);
            replyTo = replyTo == null ? List.of() : List.copyOf(replyTo);
            attach = attach == null ? List.of() : List.copyOf(attach);
            oversize = oversize == null ? "fail" : oversize;
            approval = approval == null ? "none" : approval;
            figures = figures == null ? List.of() : List.copyOf(figures);
        }

        public boolean approvalRequired() {
            return "required".equals(approval);
        }
    }

    /**
     * The issue as its title sheet names it, for text patterns ({@code {number}}, {@code {date:yyyy.M.d.}}):
     * title, series, number, publisher and date from the first row of the title block's sheet, text on one
     * line (a title set in two lines in its cell is one line in a running header); empty without a title
     * block or a row.
     */
    public Map<String, Object> issue(dev.briefpipe.model.Dataset data) {
        Map<String, Object> issue = new LinkedHashMap<>();
        for (LayoutBlock b : layout) {
            if (b instanceof LayoutBlock.Title t
                    && !data.table(t.sheet()).rows().isEmpty()) {
                dev.briefpipe.model.Row row = data.table(t.sheet()).rows().get(0);
                for (String f : List.of("title", "series", "number", "publisher", "date")) {
                    row.find(f).ifPresent(v -> issue.put(f, v instanceof String ? row.line(f) : v));
                }
            }
        }
        return issue;
    }
}
