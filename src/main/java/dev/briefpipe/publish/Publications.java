package dev.briefpipe.publish;

import dev.briefpipe.model.Period;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where builds are published: one folder per brief and period under the output folder
 * ({@code <root>/<brief>/<period>/}), each with its {@link Manifest}.
 */
public record Publications(Path root) {

    public Path folder(String brief, Period period) {
        return root.resolve(brief).resolve(period.toString());
    }

    /** The manifest of a published build, or empty when that period was never built here. */
    public Optional<Manifest> manifest(String brief, Period period) {
        Path file = folder(brief, period).resolve(MANIFEST);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Manifest.read(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The periods published here for a brief, newest first: folders named as a period, with a manifest. */
    public List<Period> periods(String brief) {
        if (!Files.isDirectory(root.resolve(brief))) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root.resolve(brief))) {
            return folders.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("\\d{4}-(0[1-9]|1[0-2])"))
                    .map(Period::parse)
                    .filter(p -> Files.isRegularFile(folder(brief, p).resolve(MANIFEST)))
                    .sorted(Comparator.reverseOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The manifest of the edition whose PDF had this hash: the one published, or one it replaced (kept
     * under {@code editions/}).
     */
    public Optional<Manifest> edition(String brief, Period period, String pdfSha256) {
        Optional<Manifest> now = manifest(brief, period);
        if (now.flatMap(m -> m.output(Manifest.Kind.PDF))
                .filter(p -> p.sha256().equals(pdfSha256))
                .isPresent()) {
            return now;
        }
        Path file = folder(brief, period).resolve(EDITIONS).resolve(pdfSha256 + ".json");
        if (!pdfSha256.matches("[0-9a-f]{64}") || !Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Manifest.read(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final String MANIFEST = "manifest.json";

    /** The folder, inside a period's, of the manifests of the editions a rebuild replaced. */
    public static final String EDITIONS = "editions";

    /** The file, inside a period's folder, of who was mailed its letters (kept across rebuilds). */
    public static final String DELIVERIES = "deliveries.tsv";

    /** The folder, inside a period's, of the letters written instead of mailed (no mail server set). */
    public static final String OUTBOX = "outbox";
}
