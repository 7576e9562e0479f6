package io.splitscope.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.splitscope.metrics.query.SeriesAxis;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The analysis service's series on the golden warehouse ({@code golden/streaming-small}). */
class AnalysisServiceTest {

    private static AnalysisService service;

    @BeforeAll
    static void open() throws URISyntaxException {
        service = AnalysisService.open(Path.of(AnalysisServiceTest.class.getResource("/golden/streaming-small").toURI()).toString());
    }

    @AfterAll
    static void close() {
        service.close();
    }

    @Test
    void endsTheDaysSinceExposureSeriesOnTheScorecardsNumbers() {
        EffectSeries series = service.series("exp_autoplay", "streaming_hours", SeriesAxis.DAYS_SINCE_EXPOSURE);

        assertThat(series.points()).extracting(EffectSeries.Point::step).containsExactly(1, 2, 3, 4, 5, 6, 7);
        EffectSeries.Point last = series.points().getLast();
        // Day 7 is the metric itself: golden exp_autoplay.json, streaming_hours / previews (welch_t).
        assertThat(last.nControl()).isEqualTo(863);
        assertThat(last.nTreatment()).isEqualTo(897);
        assertThat(last.result().absoluteEffect()).isCloseTo(0.34923127274741983, within(0.34923127274741983 * 1e-9));
        assertThat(last.result().pValue()).isCloseTo(0.089445813084142178, within(0.089445813084142178 * 1e-9));
        // Watch time only accumulates: each unit's value never falls from one day to the next.
        for (int i = 1; i < series.points().size(); i++) {
            assertThat(series.points().get(i).result().controlValue())
                    .isGreaterThanOrEqualTo(series.points().get(i - 1).result().controlValue());
        }
    }

    @Test
    void dateTheCalendarSeriesFromTheStartAndReachTheWholePopulation() {
        EffectSeries series = service.series("exp_price", "play_rate", SeriesAxis.CALENDAR_DATE);

        // exp_price runs 2026-03-05 to 2026-04-15 (42 days) with two treatments.
        assertThat(series.points()).hasSize(42 * 2);
        EffectSeries.Point last = series.points().getLast();
        assertThat(last.date()).isEqualTo(LocalDate.of(2026, 4, 15));
        assertThat(last.variant()).isEqualTo("price_up_2");
        // Population of golden exp_price.json: control 781, price_up_2 376.
        assertThat(last.nControl()).isEqualTo(781);
        assertThat(last.nTreatment()).isEqualTo(376);
    }

    @Test
    void hasNoSeriesForRatiosAndNamesUnknownMetrics() {
        assertThatThrownBy(() -> service.series("exp_price", "rebuffer_rate", SeriesAxis.CALENDAR_DATE))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("metric rebuffer_rate is a ratio metric: series are computed for mean and proportion metrics");
        assertThatThrownBy(() -> service.series("exp_price", "joy", SeriesAxis.CALENDAR_DATE))
                .hasMessageStartingWith("unknown metric 'joy'");
    }
}
