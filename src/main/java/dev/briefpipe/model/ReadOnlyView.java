package dev.briefpipe.model;

/**
 * A map that is already an unmodifiable view (of a row's values or cells): {@link Row} keeps it as it
 * is instead of wrapping it once more for every row read.
 */
interface ReadOnlyView {}
