package io.splitscope.app.cli;

import io.splitscope.sql.generate.GenerationSummary;
import io.splitscope.sql.generate.GeneratorSettings;
import io.splitscope.sql.generate.ShopGenerator;
import io.splitscope.sql.generate.ShopSettings;
import io.splitscope.sql.generate.WarehouseGenerator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code generate --members N --seed S --out DIR [--format parquet|csv]}: a synthetic streaming
 * warehouse (the tables of the warehouse contract); {@code generate --shop --users N …}: a
 * synthetic e-commerce shop with its project file ({@code DIR/splitscope.yaml}).
 */
final class GenerateCommand {

    static final String USAGE = "generate (--members N | --shop --users N) --seed S --out DIR [--format parquet|csv]";

    private GenerateCommand() {
    }

    static void run(List<String> arguments, PrintStream stderr) {
        Arguments options = Arguments.parse(arguments, Set.of("members", "users", "seed", "out", "format"),
                Set.of("shop", "debug"));
        boolean shop = options.flag("shop");
        if (options.optional(shop ? "members" : "users").isPresent()) {
            throw new UsageException(shop
                    ? "the shop simulates users: give --users N, not --members"
                    : "--users is for the shop (--shop --users N); the streaming warehouse takes --members N");
        }
        long seed = requiredLong(options, "seed");
        Path out = Path.of(options.required("out"));
        String format = options.optional("format").orElse("parquet");
        Consumer<String> progress = line -> stderr.println("splitscope:   " + line);
        GenerationSummary summary;
        if (shop) {
            ShopSettings settings = ShopSettings.of(requiredLong(options, "users"), seed, format);
            stderr.printf(Locale.ROOT, "splitscope: generating a shop of %,d users into %s%n", settings.users(), out);
            summary = new ShopGenerator().generate(settings, out, progress);
        } else {
            GeneratorSettings settings = GeneratorSettings.of(requiredLong(options, "members"), seed, out, format);
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

    private static long requiredLong(Arguments options, String name) {
        options.required(name);
        return options.longValue(name, 0);
    }
}
