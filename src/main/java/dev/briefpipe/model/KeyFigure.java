package dev.briefpipe.model;

import java.math.BigDecimal;

/**
 * A computed headline figure.
 *
 * @param value the result, or null when an input is blank
 * @param format Excel-style number format ("#,##0", "0.0%"); null = general
 */
public record KeyFigure(String id, String label, BigDecimal value, String unit, String format, String expr, String note) {}
