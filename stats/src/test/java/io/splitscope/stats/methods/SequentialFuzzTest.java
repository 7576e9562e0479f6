package io.splitscope.stats.methods;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Moments;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@code sequential} on moments of every magnitude a double holds (1e-300 to 1e308, where its
 * squares and products overflow): always a result with a status, never an exception
 * ({@link io.splitscope.stats.ComparisonMethod}'s contract for degenerate data).
 */
class SequentialFuzzTest {

    @Property(tries = 400)
    void everyMagnitudeGivesAResult(@ForAll("moments") Moments control, @ForAll("moments") Moments treatment,
                                    @ForAll @IntRange(min = 500, max = 999) int permille) {
        ComparisonResult result = new Sequential().compare(control, treatment, new ConfidenceLevel(permille / 10.0));
        assertThat(result.status()).isNotNull();
    }

    /** Moments of n units with a mean and a standard deviation anywhere from 1e-300 to 1e308. */
    @Provide
    Arbitrary<Moments> moments() {
        Arbitrary<Long> n = Arbitraries.longs().between(2, 10_000_000);
        return Combinators.combine(n, MagnitudeFuzz.anyMagnitude(), MagnitudeFuzz.anyMagnitude().map(Math::abs))
                .as((units, mean, sd) -> {
                    double sum = units * mean;
                    double sumSquares = (units - 1) * sd * sd + sum * mean;
                    Assume.that(sumSquares >= 0 && !Double.isNaN(sumSquares));
                    try {
                        return new Moments(units, sum, sumSquares);
                    } catch (IllegalArgumentException roundOff) {
                        Assume.that(false); // sums no data gives: the constructor's domain, not the method's
                        return null;
                    }
                });
    }
}
