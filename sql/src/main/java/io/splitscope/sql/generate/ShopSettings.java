package io.splitscope.sql.generate;

/**
 * What the {@link ShopGenerator} is asked to make.
 *
 * @param users number of users (randomised units) to simulate, 100 to 50,000,000; about
 *     2.5&nbsp;% of them are deliberately left out of the {@code users} table
 * @param seed any value; the same settings give byte-identical files
 * @param format the file format of the tables
 * @throws IllegalArgumentException with a message naming the offending value
 */
public record ShopSettings(long users, long seed, OutputFormat format) {

    /** The smallest number of users the generator accepts. */
    public static final long MIN_USERS = 100;

    /** The largest number of users the generator accepts. */
    public static final long MAX_USERS = 50_000_000;

    public ShopSettings {
        GeneratorRun.checkUnits("users", users, MIN_USERS, MAX_USERS);
        GeneratorRun.checkFormat(format);
    }

    /** Settings with the format parsed from {@code parquet} or {@code csv}. */
    public static ShopSettings of(long users, long seed, String format) {
        return new ShopSettings(users, seed, OutputFormat.parse(format));
    }
}
