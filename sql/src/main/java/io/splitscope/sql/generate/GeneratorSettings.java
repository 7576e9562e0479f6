package io.splitscope.sql.generate;

import io.splitscope.sql.WarehouseSchema;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import java.nio.file.Path;

/**
 * What the {@link WarehouseGenerator} is asked to make.
 *
 * <p>The output folder may not exist yet (it is created), may be empty, or may hold nothing but
 * files a previous run wrote: files named after the contract tables with a {@code .csv} or
 * {@code .parquet} extension ({@code experiments.csv}, {@code playback.parquet} …). Those are
 * replaced, and the table files of the other format are removed, so the folder never holds two
 * formats of one table. A folder with anything else in it is refused, so a mistyped path cannot
 * overwrite someone's data.
 *
 * @param members number of members (randomised units) to simulate, 100 to 100,000,000; about
 *     2&nbsp;% of them are deliberately left out of the {@code members} table
 * @param seed any value; the same settings give byte-identical CSV files
 * @param out the folder to write one file per contract table into
 * @param format the file format
 * @throws IllegalArgumentException with a message naming the offending value
 */
public record GeneratorSettings(long members, long seed, Path out, OutputFormat format) {

    /** The smallest number of members the generator accepts. */
    public static final long MIN_MEMBERS = 100;

    /** The largest number of members the generator accepts. */
    public static final long MAX_MEMBERS = 100_000_000;

    public GeneratorSettings {
        GeneratorRun.checkUnits("members", members, MIN_MEMBERS, MAX_MEMBERS);
        if (out == null) {
            throw new IllegalArgumentException("out (the output folder) is required, got null");
        }
        GeneratorRun.checkFormat(format);
        GeneratorRun.checkOutputFolder(out, GeneratorSettings::isGeneratorFile, "experiments.csv, playback.parquet, …");
    }

    /** Settings with the format parsed from {@code parquet} or {@code csv}. */
    public static GeneratorSettings of(long members, long seed, Path out, String format) {
        return new GeneratorSettings(members, seed, out, OutputFormat.parse(format));
    }

    /** Whether {@code fileName} is one the generator writes, in either format. */
    static boolean isGeneratorFile(String fileName) {
        return GeneratorRun.isTableFile(fileName, WarehouseSchema.TABLES.stream().map(TableSpec::name).toList());
    }
}
