package io.splitscope.app.cli;

import io.splitscope.sql.generate.GenerationSummary;
import io.splitscope.sql.generate.GeneratorSettings;
import io.splitscope.sql.generate.ShopGenerator;
import io.splitscope.sql.generate.ShopSettings;
import io.splitscope.sql.generate.WarehouseGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code generate --members N --seed S --out DIR [--format parquet|csv]}: a synthetic streaming
 * warehouse (the tables of the warehouse contract); {@code generate --shop --users N …}: a
 * synthetic e-commerce shop with its project file ({@code DIR/splitscope.yaml}).
 */
@Command(name = "generate", sortOptions = false, sortSynopsis = false, description = {"Generate a synthetic warehouse.",
        "A streaming service with the tables of the warehouse contract (--members N), or an e-commerce shop "
                + "with its project file DIR/splitscope.yaml (--shop --users N)."})
final class GenerateCommand extends BaseCommand {

    @Option(names = "--members", paramLabel = "N", description = "The streaming service's members.")
    private Long members;

    @Option(names = "--shop", description = "Generate the shop instead of the streaming service.")
    private boolean shop;

    @Option(names = "--users", paramLabel = "N", description = "The shop's users.")
    private Long users;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "The seed: the same seed, the same data.")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the tables to.")
    private Path out;

    @Option(names = "--format", paramLabel = "parquet|csv", defaultValue = "parquet",
            description = "The tables' file format (default: ${DEFAULT-VALUE}).")
    private String format;

    @Override
    public void run() {
        if (shop ? members != null : users != null) {
            throw usageError(shop
                    ? "the shop simulates users: give --users N, not --members"
                    : "--users is for the shop (--shop --users N); the streaming warehouse takes --members N");
        }
        PrintWriter stderr = stderr();
        Consumer<String> progress = line -> stderr.println("splitscope:   " + line);
        GenerationSummary summary;
        if (shop) {
            ShopSettings settings = ShopSettings.of(required(users, "--users"), seed, format);
            stderr.printf(Locale.ROOT, "splitscope: generating a shop of %,d users into %s%n", settings.users(), out);
            summary = new ShopGenerator().generate(settings, out, progress);
        } else {
            GeneratorSettings settings = GeneratorSettings.of(required(members, "--members"), seed, out, format);
            stderr.printf(Locale.ROOT, "splitscope: generating %,d members into %s%n", settings.members(), settings.out());
            summary = new WarehouseGenerator().generate(settings, progress);
        }
        stderr.printf(Locale.ROOT, "splitscope: wrote %,d rows in %.1f s to %s%n", summary.totalRows(),
                summary.elapsed().toMillis() / 1000.0, summary.out());
        if (shop) {
            stderr.printf(Locale.ROOT, "splitscope: project file %s (./splitscope serve --project %<s)%n",
                    out.resolve(ShopGenerator.PROJECT_FILE));
        }
    }

    private long required(Long value, String option) {
        if (value == null) {
            throw usageError("option " + option + " is required");
        }
        return value;
    }
}
