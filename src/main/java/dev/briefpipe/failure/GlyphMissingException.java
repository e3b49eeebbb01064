package dev.briefpipe.failure;

import dev.briefpipe.i18n.Phrase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The brief contains characters no configured font can draw; nothing is published. A character met in
 * a cell is the data's error; one met only in the brief's config (a running header, a block's title)
 * is the config's, told with the text it is in.
 */
public final class GlyphMissingException extends Failure {
    private final List<MissingGlyph> missing;
    private final String brief;

    /**
     * @param missing each character where it was met; the same character in the same text is told once
     * @param brief the brief's id, naming its config file
     */
    public GlyphMissingException(List<MissingGlyph> missing, String brief) {
        super(
                missing.size() + " character(s) without a glyph, first "
                        + missing.get(0).codePointLabel()
                        + (missing.get(0).source() == null
                                ? ""
                                : " at " + missing.get(0).source()),
                null);
        this.missing = List.copyOf(new LinkedHashSet<>(missing));
        this.brief = brief;
    }

    public List<MissingGlyph> missing() {
        return missing;
    }

    private boolean inData() {
        return missing.stream().anyMatch(m -> m.source() != null);
    }

    @Override
    public ExitCode exitCode() {
        return inData() ? ExitCode.INVALID_DATA : ExitCode.USAGE;
    }

    /** Each character with its code point and where it is, then that nothing was published. */
    @Override
    public List<Phrase> explain() {
        List<Phrase> lines = new ArrayList<>();
        for (MissingGlyph m : missing) {
            String glyph = new String(Character.toChars(m.codePoint()));
            lines.add(
                    m.source() == null
                            ? Phrase.of("cli.glyph-missing-config", glyph, m.codePointLabel(), brief, m.text())
                            : Phrase.of("cli.glyph-missing", glyph, m.codePointLabel(), m.source()));
        }
        lines.add(Phrase.of(inData() ? "cli.build-invalid" : "cli.nothing-published"));
        return lines;
    }
}
