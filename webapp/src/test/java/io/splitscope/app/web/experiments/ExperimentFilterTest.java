package io.splitscope.app.web.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.results.Conclusion;
import io.splitscope.analysis.results.ExperimentRecord;
import io.splitscope.analysis.results.RecordEntry;
import io.splitscope.analysis.results.RecordStatus;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.stats.decision.Recommendation;
import java.time.Instant;
import java.util.Map;
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
    private static final Instant NOON = Instant.parse("2026-04-15T12:00:00Z");

    @Test
    void everyCriterionNarrows() {
        assertThat(matches(ExperimentFilter.ALL)).containsExactly("exp_autoplay", "exp_price");
        assertThat(matches(new ExperimentFilter("HOME page", null, null, null, null, null))).containsExactly("exp_autoplay");
        assertThat(matches(new ExperimentFilter("price_up_2", null, null, null, null, null))).containsExactly("exp_price");
        assertThat(matches(new ExperimentFilter(null, RecordStatus.RUNNING, null, null, null, null))).containsExactly("exp_price");
        assertThat(matches(new ExperimentFilter(null, null, "ui-discovery", null, null, null))).containsExactly("exp_autoplay");
        assertThat(matches(new ExperimentFilter(null, null, null, APRIL_15, null, null))).containsExactly("exp_price");
        assertThat(matches(new ExperimentFilter(null, null, null, null, LocalDate.of(2026, 3, 2), null))).containsExactly("exp_autoplay");
        assertThat(matches(new ExperimentFilter("previews", RecordStatus.RUNNING, null, null, null, null))).isEmpty();
    }

    @Test
    void theTeamsStatusAndTagsCount() {
        ExperimentRecord decided = ExperimentRecord.empty("exp_price")
                .with(RecordEntry.conclusion("exp_price", new Conclusion(Recommendation.NO_SHIP, null, "No lift"), "ann", NOON))
                .with(RecordEntry.status("exp_price", RecordStatus.DECIDED, "ann", NOON))
                .with(RecordEntry.tags("exp_price", List.of("Pricing", "q2"), "ann", NOON));
        Map<String, ExperimentRecord> records = Map.of("exp_price", decided);
        assertThat(matches(new ExperimentFilter(null, RecordStatus.DECIDED, null, null, null, null), records))
                .containsExactly("exp_price");
        assertThat(matches(new ExperimentFilter(null, RecordStatus.RUNNING, null, null, null, null), records)).isEmpty();
        assertThat(matches(new ExperimentFilter(null, RecordStatus.STOPPED, null, null, null, null), records))
                .containsExactly("exp_autoplay");
        assertThat(matches(new ExperimentFilter(null, null, null, null, null, "pricing"), records)).containsExactly("exp_price");
        assertThat(matches(new ExperimentFilter(null, null, null, null, null, "q3"), records)).isEmpty();
    }

    private static List<String> matches(ExperimentFilter filter) {
        return matches(filter, Map.of());
    }

    private static List<String> matches(ExperimentFilter filter, Map<String, ExperimentRecord> records) {
        return java.util.stream.Stream.of(AUTOPLAY, PRICE)
                .filter(e -> filter.test(e, records.getOrDefault(e.id(), ExperimentRecord.empty(e.id())), APRIL_15))
                .map(Experiment::id).toList();
    }
}
