package dev.briefpipe.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.BinaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Copies of a workbook with its parts edited at the package level, as hostile or broken files are made. */
public final class Zips {
    private Zips() {}

    /**
     * Copies {@code from} to {@code to}, each XML part passed through {@code edit} (entry name, text →
     * new text); a part whose new text is null is left out.
     */
    public static void rewrite(Path from, Path to, BinaryOperator<String> edit) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile());
                OutputStream out = Files.newOutputStream(to);
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry e = all.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                if (e.getName().endsWith(".xml") || e.getName().endsWith(".rels")) {
                    String text = edit.apply(e.getName(), new String(bytes, StandardCharsets.UTF_8));
                    if (text == null) {
                        continue;
                    }
                    bytes = text.getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(bytes);
                z.closeEntry();
            }
        }
    }

    /** Adds an entry of the given name and text to a copy of a workbook. */
    public static void addEntry(Path from, Path to, String name, String text) throws IOException {
        rewrite(from, to, (n, t) -> t);
        Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
        try (ZipFile zip = new ZipFile(to.toFile());
                OutputStream out = Files.newOutputStream(tmp);
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry e = all.nextElement();
                z.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream in = zip.getInputStream(e)) {
                    in.transferTo(z);
                }
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry(name));
            z.write(text.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        Files.move(tmp, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
