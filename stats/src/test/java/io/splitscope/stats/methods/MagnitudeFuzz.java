package io.splitscope.stats.methods;

import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** Doubles of every magnitude, for the fuzz tests of the methods: where sums, squares and ratios overflow. */
final class MagnitudeFuzz {

    private MagnitudeFuzz() {
    }

    /** ±m·10^e for e from −300 to 308, 0, and the edges (±Double.MAX_VALUE, ±Double.MIN_VALUE, 1e154 whose square is near the top). */
    static Gen<Double> anyMagnitude() {
        Gen<Double> scaled = SourceDSL.integers().between(-300, 308).zip(SourceDSL.doubles().between(-9.99, 9.99),
                (exponent, mantissa) -> mantissa * Math.pow(10, exponent));
        Gen<Double> edges = Generate.pick(List.of(0.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE,
                1e154, -1e154, 1e308, -1e308, 1.0, -1.0));
        return Generate.frequency(List.of(Pair.of(8, scaled), Pair.of(1, edges)));
    }
}
