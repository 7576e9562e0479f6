package io.splitscope.stats.methods;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.UnitValues;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

/**
 * {@code mann_whitney} on values of every magnitude a double holds, where differences of values
 * and the shift over the control median overflow: always a result with a status, never an exception.
 */
class MannWhitneyFuzzTest {

    @Property(tries = 200)
    void everyMagnitudeGivesAResult(@ForAll("values") List<Double> control, @ForAll("values") List<Double> treatment) {
        ComparisonResult result = new MannWhitney().compare(values(control), values(treatment), ConfidenceLevel.DEFAULT);
        assertThat(result.status()).isNotNull();
    }

    @Provide
    Arbitrary<List<Double>> values() {
        return MagnitudeFuzz.anyMagnitude().list().ofMinSize(0).ofMaxSize(30);
    }

    private static UnitValues values(List<Double> values) {
        return new UnitValues(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
