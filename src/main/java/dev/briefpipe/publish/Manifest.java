package dev.briefpipe.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.briefpipe.failure.StoreException;
import dev.briefpipe.io.FileHashes;
import dev.briefpipe.model.Period;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A published build's record, {@code manifest.json}: what went in and came out (paths, sizes,
 * sha256), how long each stage took, the validation summary and the key figures. Written last, read
 * by {@code send} (the PDF to mail, checked against its hash) and by the next period's summary sheet.
 *
 * @param outputs paths relative to the build's folder
 * @param sentences the narrative as printed, by cell: what a later correction compares
 * @param corrections for a corrected build, what changed since the delivered one (printed in its 정정 box)
 * @param blocks each figure, table and list as printed, by name: what a later correction compares
 * @param dataSha256 the SHA-256 of every value the workbook's sheets gave, whatever its bytes: what the
 *     next period compares to tell a workbook not yet given new data (null in a manifest written before it)
 * @param issue the title sheet's title, series, number, publisher and date (ISO), as the PDF printed them: what
 *     the letter's subject and attachment name may name (empty in a manifest written before it)
 */
public record Manifest(
        String brief,
        String title,
        Period period,
        Tool tool,
        Instant startedAt,
        Instant finishedAt,
        List<FileEntry> inputs,
        List<FileEntry> outputs,
        Validation validation,
        List<Figure> figures,
        Map<String, Long> durationsMs,
        List<Sentence> sentences,
        List<String> corrections,
        List<Block> blocks,
        String dataSha256,
        Map<String, String> issue) {

    /** The mapper for manifests (and the run history's copy of their outputs). */
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule()
                    .addSerializer(Period.class, ToStringSerializer.instance)
                    .addDeserializer(Period.class, new StdDeserializer<>(Period.class) {
                        @Override
                        public Period deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                            return Period.parse(p.getValueAsString());
                        }
                    }))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public Manifest {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        figures = List.copyOf(figures);
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
        blocks = blocks == null ? List.of() : List.copyOf(blocks); // none in a manifest written before them
        durationsMs = Map.copyOf(durationsMs);
        issue = issue == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(issue));
    }

    public record Tool(String name, String version) {}

    /** One narrative sentence as printed, and the cell it was written in. */
    public record Sentence(String cell, String text) {}

    /** A figure, table or list by the name readers know it by, and a hash of the values it prints. */
    public record Block(String name, String sha256) {}

    /** What kind of file an input or output is. */
    public enum Kind {
        WORKBOOK,
        CONFIG,
        PDF,
        CSV,
        DATAPACKAGE,
        /** The first figure as a picture, for the mail. */
        FIGURE;

        @JsonValue
        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One file.
     *
     * @param pages a PDF's page count (PDF only)
     * @param rows a CSV extract's row count; {@code sheet} and {@code profile} its sheet and dialect
     * @param title a figure's caption as the PDF prints it (the mail shows it over the picture), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileEntry(
            Kind kind,
            String path,
            String sha256,
            long size,
            Integer pages,
            Long rows,
            String sheet,
            String profile,
            String title) {

        public FileEntry(Kind kind, String path, String sha256, long size) {
            this(kind, path, sha256, size, null, null, null, null, null);
        }

        /** This entry with the page count of the PDF it names. */
        public FileEntry withPages(int n) {
            return new FileEntry(kind, path, sha256, size, n, rows, sheet, profile, title);
        }

        /** This entry with the caption of the figure it names. */
        public FileEntry withTitle(String caption) {
            return new FileEntry(kind, path, sha256, size, pages, rows, sheet, profile, caption);
        }
    }

    public record Validation(boolean valid, long errors, long warnings) {}

    /**
     * A key figure as published, with how it was computed: the expression and every cell and figure it
     * read, so a reader of the brief (or the console's "explain this number") can check it by hand.
     *
     * @param value null when an input was blank
     * @param previous the value in the last period published before this one, or null
     * @param note an analyst's explanation of a move beyond the brief's {@code summary.maxChange}, or null
     */
    public record Figure(
            String id,
            String label,
            BigDecimal value,
            String unit,
            String format,
            String expr,
            List<dev.briefpipe.model.CellRead> reads,
            BigDecimal previous,
            String note) {
        public Figure {
            reads = reads == null ? List.of() : List.copyOf(reads);
        }

        /** The figure as published, to print in its own format with its unit. */
        public dev.briefpipe.model.KeyFigure figure() {
            return new dev.briefpipe.model.KeyFigure(id, label, value, unit, format, expr, note, reads);
        }

        /** Moved further than {@code limit} (a fraction; null: no limit) since {@code previous}, no note saying why. */
        public boolean unexplained(BigDecimal limit) {
            BigDecimal change = figure().changeFrom(previous);
            return limit != null
                    && change != null
                    && change.abs().compareTo(limit) > 0
                    && (note == null || note.isBlank());
        }
    }

    /** The first output of a kind (the PDF). */
    public Optional<FileEntry> output(Kind kind) {
        return outputs.stream().filter(o -> o.kind() == kind).findFirst();
    }

    /** An entry for {@code file}, its path relative to the build's folder {@code dir}. */
    public static FileEntry file(Kind kind, Path dir, Path file) throws IOException {
        return new FileEntry(
                kind, dir.relativize(file).toString().replace('\\', '/'), FileHashes.sha256(file), Files.size(file));
    }

    /** The outputs as one line of JSON (the run history keeps them). */
    public String outputsJson() {
        try {
            return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(outputs);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a published manifest; one that is not the JSON briefpipe wrote is a {@link StoreException}. */
    public static Manifest read(Path file) throws IOException {
        byte[] json = Files.readAllBytes(file);
        try {
            return JSON.readValue(json, Manifest.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw StoreException.damaged(file, e);
        }
    }

    public byte[] toJson() throws IOException {
        return JSON.writeValueAsBytes(this);
    }
}
