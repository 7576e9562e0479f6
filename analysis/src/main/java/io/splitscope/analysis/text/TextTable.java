package io.splitscope.analysis.text;

import java.util.List;

/** Left-aligned columns for the terminal, two spaces apart. */
public final class TextTable {

    private TextTable() {
    }

    /** The rows, the first being the header, padded to their columns' widths. */
    public static String render(List<List<String>> rows) {
        int columns = rows.getFirst().size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                out.append(i + 1 < columns ? String.format("%-" + widths[i] + "s  ", row.get(i)) : row.get(i));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }
}
