package io.splitscope.sql.generate;

import java.util.Locale;

/** The file format the {@link WarehouseGenerator} writes, one file per contract table. */
public enum OutputFormat {

    /** Apache Parquet, zstd-compressed, with typed columns (DATE, TIMESTAMP, DOUBLE, BIGINT …). */
    PARQUET("parquet"),

    /**
     * CSV with a header row, as {@code spec/warehouse.md} describes: timestamps
     * {@code YYYY-MM-DD HH:MM:SS}, dates {@code YYYY-MM-DD}, text, dates and timestamps quoted,
     * numbers bare, an empty field for NULL.
     */
    CSV("csv");

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    /** The file name extension without the dot: {@code parquet} or {@code csv}. */
    public String extension() {
        return extension;
    }

    /** The file name of {@code table} in this format, e.g. {@code playback.parquet}. */
    public String fileName(String table) {
        return table + "." + extension;
    }

    /**
     * Parses {@code parquet} or {@code csv}, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the value when it is neither
     */
    public static OutputFormat parse(String value) {
        if (value != null) {
            String wanted = value.strip().toLowerCase(Locale.ROOT);
            for (OutputFormat format : values()) {
                if (format.extension.equals(wanted)) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException(
                "unknown output format '" + value + "': expected 'parquet' or 'csv'");
    }
}
