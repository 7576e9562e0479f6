package io.splitscope.stats.methods;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.sql.fuzz.Campaign;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.UnitValues;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * {@code mann_whitney} on values of every magnitude a double holds, where differences of values
 * and the shift over the control median overflow: always a result with a status, never an exception.
 */
class MannWhitneyFuzzTest {

    @Test
    void everyMagnitudeGivesAResult() {
        Campaign.current().tries(200).forAll(values(), values()).checkAssert((control, treatment) -> {
            ComparisonResult result = new MannWhitney().compare(values(control), values(treatment), ConfidenceLevel.DEFAULT);
            assertThat(result.status()).isNotNull();
        });
    }

    private static Gen<List<Double>> values() {
        return SourceDSL.lists().of(MagnitudeFuzz.anyMagnitude()).ofSizeBetween(0, 30);
    }

    private static UnitValues values(List<Double> values) {
        return new UnitValues(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
