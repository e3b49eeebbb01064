package dev.briefpipe.model;

import java.util.Locale;

/** How bad a finding is: an error blocks a build, a warning does not. */
public enum Severity {
    ERROR,
    WARNING;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
