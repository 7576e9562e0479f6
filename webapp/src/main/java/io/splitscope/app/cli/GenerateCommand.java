package io.splitscope.app.cli;

import io.splitscope.sql.generate.GenerationSummary;
import io.splitscope.sql.generate.GeneratorSettings;
import io.splitscope.sql.generate.WarehouseGenerator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code generate --members N --seed S --out DIR [--format parquet|csv]}: a synthetic warehouse. */
final class GenerateCommand {

    static final String USAGE = "generate --members N --seed S --out DIR [--format parquet|csv]";

    private GenerateCommand() {
    }

    static void run(List<String> arguments, PrintStream stderr) {
        Arguments options = Arguments.parse(arguments, Set.of("members", "seed", "out", "format"), Set.of("debug"));
        GeneratorSettings settings = GeneratorSettings.of(
                requiredLong(options, "members"), requiredLong(options, "seed"), Path.of(options.required("out")), options.optional("format").orElse("parquet"));
        stderr.printf(Locale.ROOT, "splitscope: generating %,d members into %s%n", settings.members(), settings.out());
        GenerationSummary summary = new WarehouseGenerator().generate(settings, line -> stderr.println("splitscope:   " + line));
        stderr.printf(Locale.ROOT, "splitscope: wrote %,d rows in %.1f s to %s%n", summary.totalRows(),
                summary.elapsed().toMillis() / 1000.0, summary.out());
    }

    private static long requiredLong(Arguments options, String name) {
        options.required(name);
        return options.longValue(name, 0);
    }
}
