package io.splitscope.stats.methods;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Doubles of every magnitude, for the fuzz tests of the methods: where sums, squares and ratios overflow. */
final class MagnitudeFuzz {

    private MagnitudeFuzz() {
    }

    /** ±m·10^e for e from −300 to 308, 0, and the edges (±Double.MAX_VALUE, ±Double.MIN_VALUE, 1e154 whose square is near the top). */
    static Arbitrary<Double> anyMagnitude() {
        Arbitrary<Double> scaled = Arbitraries.integers().between(-300, 308).flatMap(exponent ->
                Arbitraries.doubles().between(-9.99, 9.99).map(mantissa -> mantissa * Math.pow(10, exponent)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, scaled),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE,
                        1e154, -1e154, 1e308, -1e308, 1.0, -1.0)));
    }
}
