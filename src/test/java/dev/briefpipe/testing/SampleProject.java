package dev.briefpipe.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A copy of the shipped project (config and workbooks) in a temp folder, so tests can edit the
 * workbook or config as an analyst would without touching the real ones.
 */
public final class SampleProject {
    public static final String BRIEF = "ai-hegemony";
    private final Path root;

    private SampleProject(Path root) {
        this.root = root;
    }

    /** Copies config/ and workbooks/ of the project under test into {@code dir}. */
    public static SampleProject copyInto(Path dir) throws IOException {
        Path source = Path.of("").toAbsolutePath();
        copyTree(source.resolve("config"), dir.resolve("config"));
        copyTree(source.resolve("workbooks"), dir.resolve("workbooks"));
        return new SampleProject(dir);
    }

    public Path root() {
        return root;
    }

    public Path config() {
        return root.resolve("config");
    }

    public Path workbook() {
        return root.resolve("workbooks").resolve(BRIEF + ".xlsx");
    }

    public Path briefConfig() {
        return config().resolve("briefs").resolve(BRIEF + ".yaml");
    }

    /** Sets one cell (A1 address) of a sheet of the workbook to a string, number or null (blank). */
    public void setCell(String sheet, String a1, Object value) throws IOException {
        edit(workbook(), sheet, a1, value);
    }

    /** Appends rows of strings and numbers under a sheet's last row (a new sheet's first row first). */
    public static void append(Path file, String sheetName, List<List<Object>> rows) throws IOException {
        Workbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            Sheet sheet = wb.getSheet(sheetName) != null ? wb.getSheet(sheetName) : wb.createSheet(sheetName);
            for (List<Object> values : rows) {
                Row row = sheet.createRow(sheet.getPhysicalNumberOfRows() == 0 ? 0 : sheet.getLastRowNum() + 1);
                for (int c = 0; c < values.size(); c++) {
                    if (values.get(c) instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(values.get(c).toString());
                    }
                }
            }
            save(wb, file);
        }
    }

    /**
     * Saves as Excel and LibreOffice do: a whole new file put in the old one's place, so that a watcher
     * never reads one half written.
     */
    private static void save(Workbook wb, Path file) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".saving");
        try (OutputStream out = Files.newOutputStream(part)) {
            wb.write(out);
        }
        Files.move(
                part,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static void edit(Path file, String sheetName, String a1, Object value) throws IOException {
        Workbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            Sheet sheet = wb.getSheet(sheetName);
            CellReference ref = new CellReference(a1);
            Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
            Cell cell = row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
            if (value == null) {
                row.removeCell(cell);
            } else if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (value instanceof java.time.LocalDate d) {
                cell.setCellValue(d); // the cell keeps its date format
            } else {
                cell.setCellValue(value.toString());
            }
            save(wb, file);
        }
    }

    /** Replaces the first occurrence of {@code from} in the brief's YAML. */
    public void editConfig(String from, String to) throws IOException {
        String yaml = Files.readString(briefConfig());
        if (!yaml.contains(from)) {
            throw new IllegalArgumentException("not in config: " + from);
        }
        Files.writeString(
                briefConfig(),
                yaml.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    if (!p.getFileName().toString().startsWith(".")) {
                        Files.createDirectories(target);
                    }
                } else if (!p.toString().contains(".briefpipe-backups")) {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
