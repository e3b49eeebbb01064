package dev.briefpipe.failure;

import dev.briefpipe.i18n.Phrase;
import java.util.List;

/** A font the config names cannot be used: no such file or installed font, or not a Korean TrueType font. */
public final class FontNotFoundException extends Failure {
    private final String font;
    private final String detail;

    /**
     * @param font the configured name or path
     * @param detail why it cannot be used, or null when it was not found
     */
    public FontNotFoundException(String font, String detail) {
        super(font + ": " + (detail == null ? "not found" : detail), null);
        this.font = font;
        this.detail = detail;
    }

    /** The configured name or path. */
    public String font() {
        return font;
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.USAGE;
    }

    @Override
    public List<Phrase> explain() {
        return List.of(
                detail == null ? Phrase.of("cli.font-missing", font) : Phrase.of("cli.font-unusable", font, detail));
    }
}
