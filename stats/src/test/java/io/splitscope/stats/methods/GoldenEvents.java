package io.splitscope.stats.methods;

import io.splitscope.stats.QuantileSample;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code startup_ms} events of the golden warehouse's analysed units, per experiment and
 * variant, from the test resource {@code golden/startup_ms.csv} (written by
 * stats/src/test/r/golden-inputs.R from shared/golden/streaming-small: population and 7-day windows
 * of spec/warehouse.md; one line per session, or one line with an empty value for a unit without a
 * session, units in increasing unit_id).
 */
final class GoldenEvents {

    private static final Map<String, List<double[]>> UNITS = load();

    private GoldenEvents() {
    }

    /** The variant's sample at the given level (a new record; the arrays are fresh). */
    static QuantileSample sample(String experiment, String variant, double level) {
        List<double[]> units = Objects.requireNonNull(UNITS.get(experiment + "/" + variant), variant);
        return QuantileSample.ofUnits(level, units.toArray(double[][]::new));
    }

    private static Map<String, List<double[]>> load() {
        Map<String, List<double[]>> byVariant = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                GoldenEvents.class.getResourceAsStream("/io/splitscope/stats/golden/startup_ms.csv")),
                StandardCharsets.UTF_8))) {
            in.readLine();
            String key = null;
            String unit = null;
            List<Double> values = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", -1);
                String k = f[0] + "/" + f[1];
                if (!k.equals(key) || !f[2].equals(unit)) {
                    if (key != null) {
                        byVariant.computeIfAbsent(key, x -> new ArrayList<>()).add(toArray(values));
                    }
                    key = k;
                    unit = f[2];
                    values.clear();
                }
                if (!f[3].isEmpty()) {
                    values.add(Double.parseDouble(f[3]));
                }
            }
            byVariant.computeIfAbsent(key, x -> new ArrayList<>()).add(toArray(values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byVariant;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
