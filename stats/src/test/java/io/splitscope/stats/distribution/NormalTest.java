package io.splitscope.stats.distribution;

import static io.splitscope.stats.Relative.relative;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The normal quantile against R 4.2.2's {@code qnorm}, relative tolerance 1e-14, including the far tail. */
class NormalTest {

    @ParameterizedTest(name = "qnorm({0}) = {1}")
    @CsvSource({
        // R 4.2.2: qnorm(p), options(digits = 17)
        "0.975, 1.959963984540054",
        "0.025, -1.959963984540054",
        "1e-12, -7.0344838253011321",
        "1e-26, -10.637223682245592",
        "1e-300, -37.047096299361201",
    })
    void quantile(double p, double expected) {
        assertThat(Normal.quantile(p)).isCloseTo(expected, relative(expected, 1e-14));
    }
}
