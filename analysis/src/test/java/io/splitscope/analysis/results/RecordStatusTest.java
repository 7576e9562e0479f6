package io.splitscope.analysis.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.experiment.Experiment.VariantWeight;
import io.splitscope.metrics.preset.StreamingPreset;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordStatusTest {

    // golden experiments.csv: exp_price runs 5 Mar – 15 Apr 2026
    private static final Experiment PRICE = new Experiment("exp_price", "Standard plan price test", "", "growth",
            LocalDate.of(2026, 3, 5), LocalDate.of(2026, 4, 15), "control", List.of(new VariantWeight("control", 0.5),
            new VariantWeight("price_up_1", 0.5)), StreamingPreset.ASSIGNMENT, null, List.of());

    @Test
    void theDatesGiveDraftRunningStoppedWithBothEndsIncluded() {
        assertThat(RecordStatus.byDates(PRICE, LocalDate.of(2026, 3, 4))).isEqualTo(RecordStatus.DRAFT);
        assertThat(RecordStatus.byDates(PRICE, LocalDate.of(2026, 3, 5))).isEqualTo(RecordStatus.RUNNING);
        assertThat(RecordStatus.byDates(PRICE, LocalDate.of(2026, 4, 15))).isEqualTo(RecordStatus.RUNNING);
        assertThat(RecordStatus.byDates(PRICE, LocalDate.of(2026, 4, 16))).isEqualTo(RecordStatus.STOPPED);
    }

    @Test
    void anIdIsReadAndAnUnknownOneIsNamed() {
        assertThat(RecordStatus.parse(" Decided ")).isEqualTo(RecordStatus.DECIDED);
        assertThatThrownBy(() -> RecordStatus.parse("shipped")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown status 'shipped' (use draft, running, stopped, decided)");
    }
}
