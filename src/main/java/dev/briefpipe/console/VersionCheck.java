package dev.briefpipe.console;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.failure.Failure;
import dev.briefpipe.model.ValidationReport;
import dev.briefpipe.run.Checked;
import dev.briefpipe.run.Sentences;
import java.util.List;

/**
 * A workbook version's validation: its findings, or the sentence saying why it cannot be read; {@code
 * data}, the hash of its values ({@link Checked#dataSha256}), null when unread.
 */
record VersionCheck(
        String sha, ValidationReport report, Failure unreadable, List<Sentences.Sentence> sentences, String data) {
    static VersionCheck of(String sha, BriefConfig b, Checked c) {
        return new VersionCheck(sha, c.report(), null, Sentences.of(b, c), c.dataSha256());
    }

    static VersionCheck unreadable(String sha, Failure f) {
        return new VersionCheck(sha, null, f, List.of(), null);
    }
}
