package dev.briefpipe.publish;

import dev.briefpipe.model.Period;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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

    public static final String MANIFEST = "manifest.json";
}
