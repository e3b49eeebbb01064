package dev.briefpipe.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Application settings from {@code config/briefpipe.yaml}; every key is optional.
 *
 * @param briefs folder of brief definitions, relative to the config folder
 * @param output where builds are published, relative to the project folder
 * @param lang message language: ko, en, or auto (follow the system locale)
 * @param backups how many backups an in-place summary refresh keeps
 * @param state folder for the embedded database (scheduler state, run history, delivery ledger) and logs
 * @param holidays public holidays (YYYY-MM-DD) on which nothing is sent; a fire on one moves on
 * @param workbook limits on the workbooks read
 * @param consoleUrl where the console's users reach it (https://briefs.example.org), for links in
 *     letters; empty: letters give the page's path alone
 */
public record AppConfig(
        String briefs,
        String output,
        String lang,
        Fonts fonts,
        Integer backups,
        String state,
        Database database,
        Scheduler scheduler,
        Mail mail,
        List<String> holidays,
        Workbook workbook,
        String consoleUrl) {

    /** The words {@code lang} and {@code mail.security} take (the JSON Schema lists them too). */
    public static final List<String> LANGS = List.of("ko", "en", "auto");

    public static final List<String> SECURITIES = List.of("starttls", "smtps", "none");

    public AppConfig {
        briefs = briefs == null ? "briefs" : briefs;
        output = output == null ? "output" : output;
        lang = lang == null ? "ko" : BadSetting.oneOf("lang", lang, LANGS);
        fonts = fonts == null ? new Fonts(null, null, null, null) : fonts;
        backups = backups == null ? 5 : BadSetting.atLeast("backups", backups, 0);
        state = state == null ? ".briefpipe" : state;
        database = database == null ? new Database(null, null, null, null) : database;
        scheduler = scheduler == null ? new Scheduler(null, null, null, null, null, null) : scheduler;
        mail = mail == null ? new Mail(null, null, null, null, null, null, null, null, null, null) : mail;
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        workbook = workbook == null ? new Workbook(null, null, null) : workbook;
        consoleUrl = consoleUrl == null ? "" : consoleUrl.strip().replaceAll("/+$", "");
        if (!consoleUrl.isEmpty() && !consoleUrl.matches("(?i)https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw BadSetting.conflict("consoleUrl", "bad-console-url"); // the letters' links would lead nowhere
        }
        if (scheduler.clustered() && database.url().isBlank()) {
            // The embedded database is one process's file: a second node could never join.
            throw BadSetting.conflict("scheduler/clustered", "clustered-embedded");
        }
    }

    /**
     * The path the console is served under, taken from {@code consoleUrl}: "" at a host's root,
     * {@code /briefpipe} for {@code https://intranet.example.org/briefpipe}, which the proxy passes on as
     * it is, so the console's links, forms and redirects lead where its users opened it.
     */
    public String consolePath() {
        return consoleUrl.replaceFirst("(?i)^https?://[^/]+", "");
    }

    /**
     * Limits on reading a workbook, so a wrong or hostile file fails fast instead of stalling a run.
     *
     * @param maxMegabytes a larger file is refused before it is opened
     * @param maxPartMegabytes a part (one sheet's XML) that unpacks larger is refused
     * @param timeoutSeconds reading and validating that take longer are abandoned
     */
    // Every .xlsx is now read row by row: the threshold of earlier versions is accepted and ignored.
    @JsonIgnoreProperties({"streamAboveMegabytes"})
    public record Workbook(Integer maxMegabytes, Integer maxPartMegabytes, Integer timeoutSeconds) {
        public Workbook {
            maxMegabytes = maxMegabytes == null ? 512 : BadSetting.atLeast("maxMegabytes", maxMegabytes, 1);
            maxPartMegabytes =
                    maxPartMegabytes == null ? 1024 : BadSetting.atLeast("maxPartMegabytes", maxPartMegabytes, 1);
            timeoutSeconds = timeoutSeconds == null ? 120 : BadSetting.atLeast("timeoutSeconds", timeoutSeconds, 1);
        }
    }

    public static AppConfig defaults() {
        return new AppConfig(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Where the scheduler, run history and delivery ledger live.
     *
     * @param url a JDBC URL; empty = embedded H2 in the state folder
     * @param passwordEnv the environment variable holding the password (never the password itself)
     * @param poolSize connections kept open
     */
    public record Database(String url, String user, String passwordEnv, Integer poolSize) {
        public Database {
            url = url == null ? "" : url;
            if (url.matches("(?i).*[?&;]password=.*")) {
                throw BadSetting.conflict("url", "password-in-url"); // secrets come only from the environment
            }
            user = user == null ? "" : user;
            passwordEnv = passwordEnv == null ? "BRIEFPIPE_DB_PASSWORD" : passwordEnv;
            poolSize = poolSize == null ? 5 : BadSetting.atLeast("poolSize", poolSize, 1);
        }
    }

    /**
     * @param clustered run as one node of a Quartz cluster (needs a shared database such as PostgreSQL)
     * @param instanceId this node's id; "AUTO" lets Quartz make one
     * @param checkinMillis how often a cluster node reports in (and looks for failed nodes)
     * @param misfireMillis how late a fire may be before it counts as missed
     */
    public record Scheduler(
            Integer threads,
            Boolean clustered,
            String instanceId,
            Long checkinMillis,
            Long misfireMillis,
            String logFile) {
        public Scheduler {
            threads = threads == null ? 2 : BadSetting.atLeast("threads", threads, 1);
            clustered = clustered != null && clustered;
            instanceId = instanceId == null ? "AUTO" : instanceId;
            checkinMillis = checkinMillis == null ? 7500L : BadSetting.atLeast("checkinMillis", checkinMillis, 1);
            misfireMillis = misfireMillis == null ? 60_000L : BadSetting.atLeast("misfireMillis", misfireMillis, 0);
            logFile = logFile == null ? "" : logFile;
        }
    }

    /**
     * Outgoing mail. With no host, messages are written as .eml files to the period's outbox folder.
     *
     * @param security starttls (required, never silently plain), smtps, or none
     * @param passwordEnv the environment variable holding the SMTP password
     * @param timeoutMillis connect, read and write timeout
     * @param retries attempts after the first for a temporary failure (4xx, no connection)
     * @param backoffMillis wait before the first retry; doubled for each next one
     * @param maxMessageMegabytes the largest message sent, attachments included (checked before sending)
     */
    public record Mail(
            String host,
            Integer port,
            String security,
            String user,
            String passwordEnv,
            String from,
            Integer timeoutMillis,
            Integer retries,
            Long backoffMillis,
            Double maxMessageMegabytes) {
        public Mail {
            host = host == null ? "" : host;
            // A misspelt word must not fall through to plain SMTP, the password in clear.
            security = security == null ? "starttls" : BadSetting.oneOf("security", security, SECURITIES);
            port = port == null
                    ? ("smtps".equals(security) ? 465 : "none".equals(security) ? 25 : 587)
                    : BadSetting.between("port", port, 1, 65535);
            user = user == null ? "" : user;
            passwordEnv = passwordEnv == null ? "BRIEFPIPE_SMTP_PASSWORD" : passwordEnv;
            from = from == null ? "briefpipe <briefpipe@localhost>" : from;
            // 0 would be no timeout at all: a silent server would hold a send for ever.
            timeoutMillis = timeoutMillis == null ? 20_000 : BadSetting.atLeast("timeoutMillis", timeoutMillis, 1);
            retries = retries == null ? 3 : BadSetting.atLeast("retries", retries, 0);
            backoffMillis = backoffMillis == null ? 2_000L : BadSetting.atLeast("backoffMillis", backoffMillis, 0);
            maxMessageMegabytes = maxMessageMegabytes == null ? 10.0 : maxMessageMegabytes;
        }
    }

    /**
     * The PDF's fonts. Each face left empty is the one shipped with briefpipe (Noto Sans / Serif CJK KR,
     * cut to Hangul, KS X 1001 hanja and GB 2312 Chinese); a value is a path to a TrueType (.ttf) file
     * or the file name of an installed font.
     *
     * @param regular the sans face: tables, figures, headers and the levels that ask for sans
     * @param bold its bold face (headings, bold bullet levels)
     * @param serif the serif (명조) face, for the levels whose style says {@code font: serif}
     * @param fallback faces tried, in order, for a word with a character the family lacks
     */
    public record Fonts(String regular, String bold, String serif, List<String> fallback) {
        public Fonts {
            regular = regular == null ? "" : regular;
            bold = bold == null ? "" : bold;
            serif = serif == null ? "" : serif;
            fallback = fallback == null ? List.of() : List.copyOf(fallback);
        }
    }
}
