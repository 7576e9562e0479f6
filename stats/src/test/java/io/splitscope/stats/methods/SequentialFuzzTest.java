package io.splitscope.stats.methods;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.sql.fuzz.Campaign;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Moments;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * {@code sequential} on moments of every magnitude a double holds (1e-300 to 1e308, where its
 * squares and products overflow): always a result with a status, never an exception
 * ({@link io.splitscope.stats.ComparisonMethod}'s contract for degenerate data).
 */
class SequentialFuzzTest {

    @Test
    void everyMagnitudeGivesAResult() {
        Campaign.current().tries(400).forAll(moments(), moments(), SourceDSL.integers().between(500, 999))
                .checkAssert((control, treatment, permille) -> {
                    ComparisonResult result = new Sequential().compare(control, treatment,
                            new ConfidenceLevel(permille / 10.0));
                    assertThat(result.status()).isNotNull();
                });
    }

    /** Moments of n units with a mean and a standard deviation anywhere from 1e-300 to 1e308. */
    private static Gen<Moments> moments() {
        Gen<Long> n = SourceDSL.longs().between(2, 10_000_000);
        return n.zip(MagnitudeFuzz.anyMagnitude(), MagnitudeFuzz.anyMagnitude().map(Math::abs), SequentialFuzzTest::moments)
                .assuming(Optional::isPresent).map(Optional::get);
    }

    /** The moments of these units, mean and sd, if they are sums data can give (the constructor's domain, not the method's). */
    private static Optional<Moments> moments(long units, double mean, double sd) {
        double sum = units * mean;
        double sumSquares = (units - 1) * sd * sd + sum * mean;
        if (!(sumSquares >= 0)) { // negative, or NaN
            return Optional.empty();
        }
        try {
            return Optional.of(new Moments(units, sum, sumSquares));
        } catch (IllegalArgumentException roundOff) {
            return Optional.empty();
        }
    }
}
