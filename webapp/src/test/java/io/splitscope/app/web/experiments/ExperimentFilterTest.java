package io.splitscope.app.web.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.metrics.experiment.Experiment.VariantWeight;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentFilterTest {

    // golden experiments.csv
    private static final Experiment AUTOPLAY = new Experiment("exp_autoplay", "Autoplay previews on the home page",
            "Previews help members find something to watch", "ui-discovery", LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 4, 14), "control", List.of(new VariantWeight("control", 0.5), new VariantWeight("previews", 0.5)),
            StreamingPreset.ASSIGNMENT, null, List.of());
    private static final Experiment PRICE = new Experiment("exp_price", "Standard plan price test", "", "growth",
            LocalDate.of(2026, 3, 5), LocalDate.of(2026, 4, 15), "control", List.of(new VariantWeight("control", 0.5),
            new VariantWeight("price_up_1", 0.25), new VariantWeight("price_up_2", 0.25)), StreamingPreset.ASSIGNMENT, null,
            List.of());
    private static final LocalDate APRIL_15 = LocalDate.of(2026, 4, 15);

    @Test
    void statusIsJudgedOnTheDayWithBothEndsIncluded() {
        assertThat(ExperimentStatus.of(AUTOPLAY, APRIL_15)).isEqualTo(ExperimentStatus.FINISHED);
        assertThat(ExperimentStatus.of(PRICE, APRIL_15)).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(ExperimentStatus.of(PRICE, LocalDate.of(2026, 3, 5))).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(ExperimentStatus.of(PRICE, LocalDate.of(2026, 3, 4))).isEqualTo(ExperimentStatus.SCHEDULED);
    }

    @Test
    void everyCriterionNarrows() {
        assertThat(matches(ExperimentFilter.ALL)).containsExactly("exp_autoplay", "exp_price");
        assertThat(matches(new ExperimentFilter("HOME page", null, null, null, null))).containsExactly("exp_autoplay");
        assertThat(matches(new ExperimentFilter("price_up_2", null, null, null, null))).containsExactly("exp_price");
        assertThat(matches(new ExperimentFilter(null, ExperimentStatus.RUNNING, null, null, null))).containsExactly("exp_price");
        assertThat(matches(new ExperimentFilter(null, null, "ui-discovery", null, null))).containsExactly("exp_autoplay");
        assertThat(matches(new ExperimentFilter(null, null, null, APRIL_15, null))).containsExactly("exp_price");
        assertThat(matches(new ExperimentFilter(null, null, null, null, LocalDate.of(2026, 3, 2)))).containsExactly("exp_autoplay");
        assertThat(matches(new ExperimentFilter("previews", ExperimentStatus.RUNNING, null, null, null))).isEmpty();
    }

    private static List<String> matches(ExperimentFilter filter) {
        return java.util.stream.Stream.of(AUTOPLAY, PRICE).filter(e -> filter.test(e, APRIL_15)).map(Experiment::id).toList();
    }
}
