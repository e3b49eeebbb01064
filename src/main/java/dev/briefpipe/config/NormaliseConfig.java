package dev.briefpipe.config;

/**
 * Which forms of a value briefpipe accepts as what the analyst meant, each reported as a warning
 * saying what was read. Every key is optional and on by default; off, the form is an error.
 *
 * @param textNumbers numbers stored as text, with thousands separators ("38,210")
 * @param koreanUnits Korean number words and the column's unit ("38,000건", "560만", "6,710억", "1.5조")
 * @param approximate a leading 약 / 대략 / ~ / ≈ ("약 560만")
 * @param fullWidth full-width digits and signs ("３８２１０"), and the typographic minus ("−38")
 * @param textDates dates typed as text ("2025.3.27.", "2025년 3월 27일")
 * @param serialDates dates stored as plain numbers (Excel serials, 1900 or 1904 system)
 * @param mergedCells a blank cell inside a merged region takes the region's value
 * @param noValueMarks in a number or date column that may be blank, a mark typed for "no value" ("-",
 *     "N/A", "미공개") is a blank cell
 */
public record NormaliseConfig(
        Boolean textNumbers,
        Boolean koreanUnits,
        Boolean approximate,
        Boolean fullWidth,
        Boolean textDates,
        Boolean serialDates,
        Boolean mergedCells,
        Boolean noValueMarks) {

    public NormaliseConfig {
        textNumbers = textNumbers == null || textNumbers;
        koreanUnits = koreanUnits == null || koreanUnits;
        approximate = approximate == null || approximate;
        fullWidth = fullWidth == null || fullWidth;
        textDates = textDates == null || textDates;
        serialDates = serialDates == null || serialDates;
        mergedCells = mergedCells == null || mergedCells;
        noValueMarks = noValueMarks == null || noValueMarks;
    }

    public static NormaliseConfig defaults() {
        return new NormaliseConfig(null, null, null, null, null, null, null, null);
    }
}
