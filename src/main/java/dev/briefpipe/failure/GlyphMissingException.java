package dev.briefpipe.failure;

import dev.briefpipe.i18n.Phrase;
import java.util.ArrayList;
import java.util.List;

/** The brief contains characters no configured font can draw; nothing is published. */
public final class GlyphMissingException extends Failure {
    private final List<MissingGlyph> missing;

    public GlyphMissingException(List<MissingGlyph> missing) {
        super(
                missing.size() + " character(s) without a glyph, first "
                        + missing.get(0).codePointLabel()
                        + (missing.get(0).source() == null
                                ? ""
                                : " at " + missing.get(0).source()),
                null);
        this.missing = List.copyOf(missing);
    }

    public List<MissingGlyph> missing() {
        return missing;
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.INVALID_DATA;
    }

    /** Each character with its code point and where it is, then that nothing was published. */
    @Override
    public List<Phrase> explain() {
        List<Phrase> lines = new ArrayList<>();
        for (MissingGlyph m : missing) {
            lines.add(Phrase.of(
                    "cli.glyph-missing",
                    new String(Character.toChars(m.codePoint())),
                    m.codePointLabel(),
                    m.source() == null ? "config" : m.source().toString()));
        }
        lines.add(Phrase.of("cli.build-invalid"));
        return lines;
    }
}
