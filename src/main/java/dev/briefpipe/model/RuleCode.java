package dev.briefpipe.model;

/** The code of one of a brief's own rules or checks ({@code fx-mismatch}), as its config names it. */
public record RuleCode(String id) implements Finding.Code {
    @Override
    public String toString() {
        return id;
    }
}
