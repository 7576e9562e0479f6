package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.analysis.json.ScorecardJson;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.ExposedUnits;
import io.splitscope.metrics.query.SeriesAxis;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.Warehouses;
import io.splitscope.sql.log.QueryLog;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.QuantileSample;
import io.splitscope.stats.VariantData;
import io.splitscope.stats.methods.QuantileAsymptotic;
import io.splitscope.metrics.population.Population;
import io.splitscope.metrics.preset.StreamingPreset;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The analysis service's series and quantile curves on the golden warehouse ({@code golden/streaming-small}). */
class AnalysisServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static AnalysisService service;

    @BeforeAll
    static void open() {
        service = GoldenWarehouse.service();
    }

    @AfterAll
    static void close() {
        service.close();
    }

    /**
     * The population's exposure rows and intake, counted in its one query. Expected values counted
     * in golden {@code exposures.csv} with awk: 2854 exp_autoplay rows with a unit in
     * [2026-03-01, 2026-04-15); first valid exposures of non-crossover units in [2026-03-03,
     * 2026-03-10), the 7 days before a clock at 2026-03-10: control 269, previews 289.
     */
    @Test
    void countsTheExposureRowsAndTheLastSevenDaysIntake() {
        try (AnalysisService atDayTen = new AnalysisService(StreamingPreset.project(GoldenWarehouse.folder().toString()),
                Warehouses.open(GoldenWarehouse.folder().toString()),
                Clock.fixed(Instant.parse("2026-03-10T00:00:00Z"), ZoneOffset.UTC))) {
            Population population = atDayTen.analyze(new AnalysisRequest("exp_autoplay", List.of("play_rate"),
                    MeanMethod.WELCH_T, null)).population();

            assertThat(population.exposureRows()).isEqualTo(2854L);
            assertThat(population.invalidShare().orElseThrow()).isEqualTo(4.0 / 2854);
            assertThat(population.crossoverShare().orElseThrow()).isEqualTo(8.0 / (863 + 897 + 8));
            Population.Intake intake = population.intake();
            assertThat(intake.from()).isEqualTo(LocalDateTime.of(2026, 3, 3, 0, 0));
            assertThat(intake.to()).isEqualTo(LocalDateTime.of(2026, 3, 10, 0, 0));
            assertThat(intake.units()).containsExactly(Map.entry("control", 269L), Map.entry("previews", 289L));
            assertThat(intake.perDay("previews")).isEqualTo(289 / 7.0);
        }
        // after the end, the intake is the last 7 days of the experiment (no first exposures then)
        assertThat(service.analyze(new AnalysisRequest("exp_autoplay", List.of("play_rate"), MeanMethod.WELCH_T, null))
                .population().intake()).isEqualTo(new Population.Intake(LocalDateTime.of(2026, 4, 8, 0, 0),
                LocalDateTime.of(2026, 4, 15, 0, 0), Map.of("control", 0L, "previews", 0L)));
    }

    /**
     * Up to a day, the experiment as it stood then. Expected counts from golden {@code exposures.csv}
     * with awk: the units of exp_autoplay whose rows in [2026-03-01, 2026-03-15) name one known
     * variant (the same awk over the whole period gives the golden 863 / 897).
     */
    private static final Map<String, Long> UNTIL_MARCH_14 = Map.of("control", 581L, "previews", 590L);

    @Test
    void analysesTheDataUpToAChosenDay() {
        AnalysisRequest whole = new AnalysisRequest("exp_autoplay", List.of("play_rate"), MeanMethod.WELCH_T, null);
        Scorecard untilMarch14 = service.analyze(whole.withUntil(LocalDate.of(2026, 3, 14)));
        Scorecard all = service.analyze(whole);

        assertThat(untilMarch14.experiment().endDate()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(untilMarch14.population().units()).containsExactlyInAnyOrderEntriesOf(UNTIL_MARCH_14);
        assertThat(untilMarch14.population().units().values().stream().mapToLong(Long::longValue).sum())
                .isLessThan(all.population().units().values().stream().mapToLong(Long::longValue).sum());
        assertThatThrownBy(() -> service.analyze(whole.withUntil(LocalDate.of(2026, 4, 20))))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("until 2026-04-20 is outside experiment 'exp_autoplay': pick a day from 2026-03-01 to 2026-04-14");
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
                .hasMessage("metric rebuffer_rate has no day-by-day series: it is a ratio metric; series follow mean and proportion metrics over whole days, on all exposed units");
        assertThatThrownBy(() -> service.series("exp_price", "joy", SeriesAxis.CALENDAR_DATE))
                .hasMessageStartingWith("unknown metric 'joy'");
    }

    @Test
    void quantileDifferencesAtTheCatalogLevelsAreTheScorecardsEffectsWithTheAsymptoticIntervals() {
        QuantileCurve curve = service.quantileDifferences("exp_autoplay", "startup_ms_p50", null);

        assertThat(curve.levels()).isEqualTo(QuantileCurve.DEFAULT_LEVELS).hasSize(19).contains(0.5, 0.9);
        assertThat(curve.points()).hasSize(19).allMatch(p -> p.variant().equals("previews"));
        // golden exp_autoplay.json: startup_ms_p50 and startup_ms_p90, previews, absolute_effect
        QuantileCurve.Point p50 = at(curve, 0.5);
        QuantileCurve.Point p90 = at(curve, 0.9);
        assertThat(p50.difference()).isCloseTo(-40.200000000000045, within(40.2 * 1e-12));
        assertThat(p50.controlQuantile()).isEqualTo(907.5);
        assertThat(p90.difference()).isCloseTo(-126.83000000000015, within(126.83 * 1e-12));
        assertThat(p50.nControl()).isEqualTo(863);
        assertThat(p50.nTreatment()).isEqualTo(897);

        // the intervals are quantile_asymptotic's on the scorecard's own inputs
        try (Warehouse warehouse = Warehouses.open(golden()); BufferAllocator allocator = new RootAllocator()) {
            Experiment experiment = service.experiment("exp_autoplay").orElseThrow();
            Metric metric = service.metrics().stream().filter(m -> m.id().equals("startup_ms_p90")).findFirst().orElseThrow();
            Map<String, VariantData> inputs = new MetricInputs(warehouse, ExposedUnits.of(experiment), allocator)
                    .fetch(List.of(metric), MeanMethod.WELCH_T, null).get("startup_ms_p90").values().iterator().next();
            ComparisonResult expected = new QuantileAsymptotic()
                    .compare((QuantileSample) inputs.get("control"), (QuantileSample) inputs.get("previews"));
            assertThat(p90.result()).isEqualTo(expected);
            assertThat(p90.low()).isLessThan(p90.difference());
            assertThat(p90.high()).isGreaterThan(p90.difference());
        }
        for (int i = 1; i < curve.points().size(); i++) {
            assertThat(curve.points().get(i).controlQuantile()).isGreaterThanOrEqualTo(curve.points().get(i - 1).controlQuantile());
        }
    }

    @Test
    void recordsWhichQueryOfTheLogBroughtEachMetricsInputs() {
        for (AnalysisRequest request : List.of(AnalysisRequest.of("exp_autoplay"),
                new AnalysisRequest("exp_price", List.of(), MeanMethod.CUPED, "device"),
                new AnalysisRequest("exp_autoplay", List.of(), MeanMethod.parse("mann_whitney"), "country"))) {
            Scorecard scorecard = service.analyze(request);
            // the units staged in DuckDB first, the population query, units by segment when sliced, then the metric queries
            assertThat(scorecard.queries().getFirst().sql()).startsWith("create table");
            int first = request.segmentBy() == null ? 2 : 3;
            Set<String> metricIds = scorecard.rows().stream().map(ScorecardRow::metricId).collect(Collectors.toSet());
            assertThat(scorecard.metricQueries().keySet()).as(request.toString()).isEqualTo(metricIds);
            assertThat(Set.copyOf(scorecard.metricQueries().values())).as(request.toString())
                    .isEqualTo(IntStream.range(first, scorecard.queries().size()).boxed().collect(Collectors.toSet()));
            for (Metric metric : service.metrics()) {
                if (!metricIds.contains(metric.id())) {
                    continue;
                }
                QueryLog.Entry query = scorecard.queryOf(metric.id()).orElseThrow();
                String column = metric.measure() instanceof Measure.Quantile quantile
                        ? quantile.eventValue().getName() : metric.id();
                assertThat(query.sql()).as(metric.id()).contains(column);
            }
            assertThat(ScorecardJson.write(scorecard)).doesNotContain("metric_queries").doesNotContain("metricQueries");
        }
    }

    @Test
    void aRequestAtAnotherConfidenceLevelWidensOrNarrowsEveryIntervalAndLeavesTheEstimates() {
        AnalysisRequest request = AnalysisRequest.of("exp_autoplay");
        Scorecard at95 = service.analyze(request);
        Scorecard at90 = service.analyze(request.withConfidence(new ConfidenceLevel(90)));
        Scorecard at99 = service.analyze(request.withConfidence(new ConfidenceLevel(99)));

        assertThat(at95.confidence()).isEqualTo(ConfidenceLevel.DEFAULT);
        assertThat(at99.confidence().value()).isEqualTo(0.99);
        assertThat(JSON.readTree(ScorecardJson.write(at99)).get("confidence_level").doubleValue()).isEqualTo(0.99);
        assertThat(at99.rows()).hasSameSizeAs(at95.rows()).hasSameSizeAs(at90.rows());
        for (int i = 0; i < at95.rows().size(); i++) {
            ComparisonResult narrow = at90.rows().get(i).comparison();
            ComparisonResult middle = at95.rows().get(i).comparison();
            ComparisonResult wide = at99.rows().get(i).comparison();
            String row = at95.rows().get(i).metricId() + " " + at95.rows().get(i).method();
            // the estimate and the p-value do not depend on the level (sequential aside: its p does); each
            // analysis sums in DuckDB anew, in no fixed order, so they agree to the last bits only (1e-12 relative)
            assertThat(middle.absoluteEffect()).as(row).isNotNull();
            assertThat(wide.absoluteEffect()).as(row).isCloseTo(middle.absoluteEffect(), within(Math.abs(middle.absoluteEffect()) * 1e-12));
            if (!at95.rows().get(i).method().equals("sequential")) {
                assertThat(wide.pValue()).as(row).isCloseTo(middle.pValue(), within(middle.pValue() * 1e-12));
            }
            if (middle.absoluteCi() != null) {
                assertThat(narrow.absoluteCi().low()).as(row).isGreaterThan(middle.absoluteCi().low());
                assertThat(narrow.absoluteCi().high()).as(row).isLessThan(middle.absoluteCi().high());
                assertThat(wide.absoluteCi().low()).as(row).isLessThan(middle.absoluteCi().low());
                assertThat(wide.absoluteCi().high()).as(row).isGreaterThan(middle.absoluteCi().high());
            }
        }
    }

    @Test
    void findsExperimentsByIdAndNamesTheKnownOnesForAnUnknownOne() {
        assertThat(service.experiment("exp_price")).map(Experiment::id).contains("exp_price");
        assertThat(service.experiment("exp_nope")).isEmpty();
        assertThatThrownBy(() -> service.analyze(AnalysisRequest.of("exp_nope")))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("unknown experiment 'exp_nope' (known: exp_price, exp_autoplay)");
    }

    @Test
    void quantileDifferencesRefuseOtherMetricsAndLevelsOutsideZeroOne() {
        assertThatThrownBy(() -> service.quantileDifferences("exp_autoplay", "streaming_hours", null))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("metric streaming_hours is a mean metric: quantile differences are computed for quantile metrics");
        assertThatThrownBy(() -> service.quantileDifferences("exp_autoplay", "startup_ms_p50", List.of(0.5, 1.0)))
                .isInstanceOf(AnalysisException.class).hasMessage("quantile level 1.0 is outside (0, 1)");
        assertThatThrownBy(() -> service.quantileDifferences("exp_autoplay", "startup_ms_p50", List.of(0.0)))
                .isInstanceOf(AnalysisException.class).hasMessage("quantile level 0.0 is outside (0, 1)");
        assertThat(service.quantileDifferences("exp_autoplay", "startup_ms_p90", List.of(0.9, 0.25)).levels())
                .containsExactly(0.25, 0.9);
    }

    private static QuantileCurve.Point at(QuantileCurve curve, double level) {
        return curve.points().stream().filter(p -> p.level() == level).findFirst().orElseThrow();
    }

    private static String golden() {
        return GoldenWarehouse.folder().toString();
    }
}
