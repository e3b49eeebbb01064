package dev.briefpipe.config;

/**
 * A rule over a row's fields (in a sheet's {@code rules}) or over whole tables (in its checks),
 * written as an expression that must be true.
 *
 * @param code the finding code reported when it is not (stable: scripts and tests rely on it)
 * @param severity error (blocks a build) or warning
 * @param field the field whose cell a row finding points at (default: the first field the rule uses)
 * @param message what is wrong, in the analysts' words
 */
public record RuleConfig(String code, String severity, String check, String field, String message) {
    public RuleConfig {
        severity = severity == null ? "error" : severity;
    }
}
