package dev.briefpipe.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * picocli's usage help, its lines broken only at spaces. picocli breaks where the JDK's line
 * iterator allows, which for Hangul is between any two syllables ("보냅" / "니다"); Korean is written
 * with spaces between words and broken there. A word longer than its column is still broken as
 * picocli breaks it.
 */
final class WordWrapHelp extends CommandLine.Help {

    WordWrapHelp(CommandSpec spec, ColorScheme scheme) {
        super(spec, scheme);
    }

    @Override
    public Layout createDefaultLayout(
            List<OptionSpec> options, List<PositionalParamSpec> positionals, ColorScheme scheme) {
        Layout picocli = super.createDefaultLayout(options, positionals, scheme);
        TextTable table = new WordTable(scheme, picocli.textTable().columns());
        table.indentWrappedLines = picocli.textTable().indentWrappedLines;
        table.setAdjustLineBreaksForWideCJKCharacters(usage().adjustLineBreaksForWideCJKCharacters());
        return new Layout(scheme, table, picocli.optionRenderer(), picocli.parameterRenderer());
    }

    @Override
    public String description(Object... params) {
        TextTable table = table(new Column(usage().width(), 0, Column.Overflow.WRAP));
        table.indentWrappedLines = 0;
        for (String line : usage().description()) {
            table.addRowValues(colorScheme().text(format(line, params)));
        }
        return table.toString();
    }

    /** As picocli formats a description line: {@code %n} a new line; a line that is no format string as it is. */
    private static String format(String line, Object... params) {
        try {
            return String.format(Locale.ROOT, line, params);
        } catch (java.util.IllegalFormatException e) {
            return line;
        }
    }

    @Override
    public String commandList(Map<String, CommandLine.Help> subcommands) {
        if (subcommands.isEmpty()) {
            return "";
        }
        int names = Math.min(
                subcommands.keySet().stream().mapToInt(String::length).max().orElse(0), usage().width() / 2);
        TextTable table = table(
                new Column(names + 2, 2, Column.Overflow.SPAN),
                new Column(usage().width() - (names + 2), 2, Column.Overflow.WRAP));
        for (CommandLine.Help help : subcommands.values()) {
            UsageMessageSpec usage = help.commandSpec().usageMessage();
            String[] summary = usage.header().length > 0 ? usage.header() : usage.description();
            Text[] lines =
                    colorScheme().text(summary.length > 0 ? summary[0] : "").splitLines();
            for (int i = 0; i < lines.length; i++) {
                table.addRowValues(
                        i == 0 ? help.commandNamesText(", ") : colorScheme().text(""), lines[i]);
            }
        }
        return table.toString();
    }

    /** The columns "사용법: " takes, a Hangul syllable two: the synopsis's lines are fitted and aligned after it. */
    @Override
    public int synopsisHeadingLength() {
        String[] lines =
                colorScheme().text(usage().synopsisHeading()).plainString().split("\\r?\\n|\\r|%n", -1);
        Text last = colorScheme().text(lines[lines.length - 1]);
        return usage().adjustLineBreaksForWideCJKCharacters()
                ? last.getCJKAdjustedLength()
                : last.plainString().length();
    }

    private UsageMessageSpec usage() {
        return commandSpec().usageMessage();
    }

    private TextTable table(Column... columns) {
        TextTable table = new WordTable(colorScheme(), columns);
        table.setAdjustLineBreaksForWideCJKCharacters(usage().adjustLineBreaksForWideCJKCharacters());
        return table;
    }

    /** A table whose wrapping columns take a value a line at a time, each line ending at a space. */
    static final class WordTable extends TextTable {
        private final ColorScheme scheme;

        WordTable(ColorScheme scheme, Column... columns) {
            super(scheme, columns);
            this.scheme = scheme;
        }

        @Override
        public Cell putValue(int row, int col, Text value) {
            Column column = columns()[col];
            if (value == null || column.overflow != Column.Overflow.WRAP) {
                return super.putValue(row, col, value);
            }
            Cell at = new Cell(col, row);
            Text[] paragraphs = value.splitLines();
            for (int p = 0; p < paragraphs.length; p++) {
                List<Text> lines = lines(paragraphs[p], column.width - column.indent, indentWrappedLines);
                for (int i = 0; i < lines.size(); i++) {
                    if (p > 0 || i > 0) {
                        addEmptyRow();
                    }
                    Text line = i == 0
                            ? lines.get(i)
                            : scheme.text(" ".repeat(indentWrappedLines)).concat(lines.get(i));
                    at = super.putValue(p == 0 && i == 0 ? row : rowCount() - 1, col, line);
                }
            }
            return at;
        }

        /** The text in lines of at most {@code width} columns (wrapped ones {@code indent} less), broken at spaces. */
        private List<Text> lines(Text text, int width, int indent) {
            String plain = text.plainString();
            List<Text> lines = new ArrayList<>();
            if (plain.isEmpty()) {
                lines.add(text); // a blank line between paragraphs stays
            }
            int start = 0;
            while (start < plain.length()) {
                int room = lines.isEmpty() ? width : width - indent;
                int end = start;
                for (int space = plain.indexOf(' ', start); ; space = plain.indexOf(' ', space + 1)) {
                    int word = space < 0 ? plain.length() : space;
                    // picocli keeps a column free after a line's last word, for the space that follows it
                    if (end > start && columns(plain.substring(start, word)) + (space < 0 ? 0 : 1) > room) {
                        break;
                    }
                    end = word;
                    if (space < 0) {
                        break;
                    }
                }
                lines.add(text.substring(start, end));
                start = end;
                while (start < plain.length() && plain.charAt(start) == ' ') {
                    start++;
                }
            }
            return lines;
        }

        /** The columns the text takes, as picocli counts them (a wide character two, when so set). */
        private int columns(String text) {
            return isAdjustLineBreaksForWideCJKCharacters() ? scheme.text(text).getCJKAdjustedLength() : text.length();
        }
    }
}
