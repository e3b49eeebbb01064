package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ExtractConfig;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.export.csv.CsvExtractWriter;
import dev.briefpipe.export.csv.DataPackageWriter;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.RowListener;
import dev.briefpipe.model.Table;
import dev.briefpipe.publish.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A build's CSV extracts and their data package. The extracts are opened before the workbook is read
 * and hear its rows as they are validated ({@link #listeners}), so a sheet's rows are never all held
 * for them. Closing it closes any extract left open (a build that failed).
 */
final class CsvStage implements AutoCloseable {
    private final BriefConfig brief;
    private final Path dir;
    private final Map<String, List<CsvExtractWriter.Extract>> whileReading = new LinkedHashMap<>();

    CsvStage(BriefConfig brief, Path dir) throws IOException {
        this.brief = brief;
        this.dir = dir;
        if (brief.outputs().csv()) {
            Path csvDir = Files.createDirectories(dir.resolve("csv"));
            for (ExtractConfig e : extracts(brief.sheets().keySet())) {
                if (templated(e.sheet())) {
                    continue; // written after the transform, with the sentences as printed
                }
                this.whileReading
                        .computeIfAbsent(e.sheet(), k -> new ArrayList<>())
                        .add(new CsvExtractWriter().open(brief.sheets().get(e.sheet()), e, csvDir));
            }
        }
    }

    /** By sheet id: what hands a sheet's rows to its extracts as they are read. */
    Map<String, RowListener> listeners() {
        Map<String, RowListener> m = new LinkedHashMap<>();
        whileReading.forEach((sheet, extracts) -> m.put(sheet, new RowListener() {
            @Override
            public void start(List<String> fields) {
                extracts.forEach(x -> x.start(fields));
            }

            @Override
            public void row(Row row) {
                for (CsvExtractWriter.Extract x : extracts) {
                    x.row(row);
                }
            }
        }));
        return m;
    }

    /** Finishes the extracts written while reading, then writes the data package; returns what it wrote. */
    List<Manifest.FileEntry> finish(Checked checked) throws IOException {
        Path csvDir = Files.createDirectories(dir.resolve("csv"));
        Map<String, Iterator<CsvExtractWriter.Extract>> open = new HashMap<>();
        whileReading.forEach((sheet, list) -> open.put(sheet, list.iterator()));
        List<CsvExtractWriter.Result> written = new ArrayList<>();
        List<Manifest.FileEntry> entries = new ArrayList<>();
        for (ExtractConfig e :
                extracts(checked.sheetData().tables().stream().map(Table::id).toList())) {
            Table t = checked.sheetData().findTable(e.sheet()).orElse(null);
            if (t == null) {
                continue;
            }
            CsvExtractWriter.Result r = templated(e.sheet())
                    ? dev.briefpipe.export.csv.PrintedExtract.write(
                            t,
                            checked.data().findTable(e.sheet()).orElse(t),
                            brief.sheets().get(e.sheet()),
                            e,
                            csvDir)
                    : open.get(e.sheet()).next().finish();
            written.add(r);
            Manifest.FileEntry f = Manifest.file(Manifest.Kind.CSV, dir, r.file());
            entries.add(new Manifest.FileEntry(
                    f.kind(), f.path(), f.sha256(), f.size(), null, (long) r.rows(), t.sheet(), e.profile(), null));
        }
        Path pkg = csvDir.resolve("datapackage.json");
        new DataPackageWriter().write(pkg, csvDir, brief.id(), brief.title(), written, brief.sheets());
        entries.add(Manifest.file(Manifest.Kind.DATAPACKAGE, dir, pkg));
        return entries;
    }

    /** Whether a sheet has template columns (small sheets of prose, such as the narrative). */
    private boolean templated(String sheet) {
        SheetSchema schema = brief.sheets().get(sheet);
        return schema != null && schema.columns().values().stream().anyMatch(c -> c.template());
    }

    /** The declared extracts, or one excel-profile extract per exported sheet among {@code sheets}. */
    private List<ExtractConfig> extracts(Collection<String> sheets) {
        if (brief.extracts() != null) {
            return brief.extracts();
        }
        List<ExtractConfig> all = new ArrayList<>();
        for (String id : sheets) {
            SheetSchema schema = brief.sheets().get(id);
            if (schema != null && schema.export()) {
                all.add(ExtractConfig.of(id));
            }
        }
        return all;
    }

    @Override
    public void close() throws IOException {
        IOException failed = null;
        for (List<CsvExtractWriter.Extract> extracts : whileReading.values()) {
            for (CsvExtractWriter.Extract x : extracts) {
                try {
                    x.close(); // each one, whatever the others did
                } catch (IOException e) {
                    failed = failed == null ? e : failed;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
