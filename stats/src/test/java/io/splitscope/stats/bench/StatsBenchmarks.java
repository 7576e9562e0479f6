package io.splitscope.stats.bench;

import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.QuantileSample;
import io.splitscope.stats.methods.BootstrapQuantile;
import io.splitscope.stats.methods.QuantileAsymptotic;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH benchmarks of the quantile methods on a synthetic experiment: {@code units} units in total,
 * split evenly between control and treatment, each with a Poisson(30) number of sessions (so 30M
 * sessions for 1M units), a log-normal {@code startup_ms} per session around a log-normal unit
 * level (clustered), rounded to 0.1 ms, and a +2 % shift in the treatment. The data are generated
 * once per fork (seeded), outside the measurement.
 *
 * <ul>
 *   <li>{@code bootstrapQuantile} — {@code bootstrap_quantile} at p90, 1,000 replicates, all cores;</li>
 *   <li>{@code quantileAsymptotic} — {@code quantile_asymptotic} at p90.</li>
 * </ul>
 * Single-shot times (each call is a whole comparison), in seconds.
 *
 * <p>Run (from the repository root; JMH forks a JVM with {@code -Xmx6g}):
 * <pre>
 *   ./mvnw -B -q -pl stats test-compile exec:exec@bench                    # 1M units / 30M sessions
 *   ./mvnw -B -q -pl stats test-compile exec:exec@bench -Dbench.args="-p units=100000"
 * </pre>
 * or with the test class path, {@code java -cp ... io.splitscope.stats.bench.StatsBenchmarks [JMH options]};
 * any JMH command-line option is accepted ({@code -p units=...}, {@code -i 5}, {@code -f 2} …).
 * With {@code --plain} it skips JMH and prints one timed run of each (a quick check).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class StatsBenchmarks {

    /** Units in total (half per variant). */
    @Param("1000000")
    public int units;

    /** Mean sessions per unit. */
    @Param("30")
    public double sessionsPerUnit;

    private QuantileSample control;
    private QuantileSample treatment;
    private final BootstrapQuantile bootstrap = new BootstrapQuantile();
    private final QuantileAsymptotic asymptotic = new QuantileAsymptotic();

    @Setup(Level.Trial)
    public void generate() {
        control = synthetic(units / 2, sessionsPerUnit, 0.9, 1.0, 1);
        treatment = synthetic(units - units / 2, sessionsPerUnit, 0.9, 1.02, 2);
    }

    @Benchmark
    public ComparisonResult bootstrapQuantile() {
        return bootstrap.compare(control, treatment);
    }

    @Benchmark
    public ComparisonResult quantileAsymptotic() {
        return asymptotic.compare(control, treatment);
    }

    /** A variant of {@code n} units with Poisson(mean) sessions each (seeded). */
    public static QuantileSample synthetic(int n, double meanSessions, double level, double shift, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] counts = new int[n];
        long total = 0;
        double limit = Math.exp(-meanSessions);
        for (int u = 0; u < n; u++) {
            // Poisson by multiplication of uniforms (mean 30: ~31 uniforms)
            int k = 0;
            double prod = random.nextDouble();
            while (prod > limit) {
                k++;
                prod *= random.nextDouble();
            }
            counts[u] = k;
            total += k;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many sessions for one array: " + total);
        }
        double[] values = new double[(int) total];
        int[] offsets = new int[n + 1];
        int at = 0;
        for (int u = 0; u < n; u++) {
            offsets[u] = at;
            double unitLevel = 6.6 + 0.35 * random.nextGaussian();
            for (int i = 0; i < counts[u]; i++) {
                values[at++] = Math.rint(10 * shift * Math.exp(unitLevel + 0.45 * random.nextGaussian())) / 10;
            }
        }
        offsets[n] = at;
        return new QuantileSample(level, values, offsets);
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        if (args.length > 0 && args[0].equals("--plain")) {
            plain(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000);
            return;
        }
        CommandLineOptions cli = new CommandLineOptions(args);
        Options options = new OptionsBuilder().parent(cli).include(StatsBenchmarks.class.getName() + ".").build();
        new Runner(options).run();
    }

    private static void plain(int units) {
        StatsBenchmarks b = new StatsBenchmarks();
        b.units = units;
        b.sessionsPerUnit = 30;
        long t0 = System.nanoTime();
        b.generate();
        System.out.printf("generated %d units, %d sessions in %.1f s; %d processors%n", units,
                b.control.events() + b.treatment.events(), (System.nanoTime() - t0) / 1e9,
                Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < 2; i++) {
            t0 = System.nanoTime();
            ComparisonResult a = b.quantileAsymptotic();
            System.out.printf("quantile_asymptotic %.2f s  %s%n", (System.nanoTime() - t0) / 1e9, a);
            t0 = System.nanoTime();
            ComparisonResult r = b.bootstrapQuantile();
            System.out.printf("bootstrap_quantile  %.2f s  %s%n", (System.nanoTime() - t0) / 1e9, r);
        }
    }
}
