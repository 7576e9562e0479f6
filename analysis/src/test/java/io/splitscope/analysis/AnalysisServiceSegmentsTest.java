package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.metrics.Cap;
import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.UnitFilter;
import io.splitscope.metrics.catalog.MetricCatalog;
import io.splitscope.metrics.catalog.MetricRepository;
import io.splitscope.metrics.preset.StandardMetrics;
import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.metrics.project.Project;
import io.splitscope.stats.ComparisonResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analysis service's unit filters, segments by two dimensions and caps, on the golden
 * warehouse with three metrics of its own: streaming hours of GB members only, streaming hours
 * capped on both tails, and one filtering on a dimension the preset does not declare.
 */
class AnalysisServiceSegmentsTest {

    private static final Metric HOURS = StandardMetrics.STREAMING_HOURS;
    private static final Metric GB_HOURS = hours("gb_hours").unitFilter(new UnitFilter("country = 'GB'",
            StreamingPreset.COUNTRY.attribute().eq(DSL.inline("GB")), List.of(StreamingPreset.COUNTRY))).build();
    private static final Metric CAPPED_HOURS = hours("capped_hours").capped(new Cap.Percentile(0.01, 0.99)).build();
    private static final Dimension UNDECLARED = new Dimension("signup", StreamingPreset.MEMBERS, "signup_date");
    private static final Metric ROGUE = hours("rogue_hours").unitFilter(UnitFilter.of(UNDECLARED.attribute().isNull(), UNDECLARED))
            .build();

    private static AnalysisService service;

    @BeforeAll
    static void open() {
        Project preset = StreamingPreset.project(GoldenWarehouse.folder().toString());
        MetricCatalog own = new MetricCatalog() {
            @Override
            public List<Metric> metrics() {
                return List.of(GB_HOURS, CAPPED_HOURS, ROGUE);
            }
        };
        service = AnalysisService.open(new Project(preset.name(), preset.warehouse(), preset.sources(), preset.assignments(),
                preset.dimensions(), preset.experiments(), MetricRepository.of(List.of(new StandardMetrics(), own)),
                preset.contract(), preset.check(), preset.primaryMetrics()));
    }

    @AfterAll
    static void close() {
        service.close();
    }

    private static Metric.Builder hours(String id) {
        return Metric.define(id).title(HOURS.title()).description(HOURS.description()).from(HOURS.source())
                .mean(((Measure.Mean) HOURS.measure()).value()).window(HOURS.window()).higherIsBetter();
    }

    private static List<ScorecardRow> rows(String segmentBy, String... metrics) {
        return service.analyze(new AnalysisRequest("exp_autoplay", List.of(metrics), MeanMethod.WELCH_T, segmentBy)).rows();
    }

    @Test
    void aUnitFilterGivesTheRowOfItsSegmentWithoutCountingTheUnitsItDropsAsIncomplete() {
        ScorecardRow filtered = rows(null, GB_HOURS.id()).getFirst();
        ScorecardRow segment = rows("country", HOURS.id()).stream().filter(row -> row.segment().equals("GB")).findFirst()
                .orElseThrow();
        ScorecardRow whole = rows(null, HOURS.id()).getFirst();

        assertThat(filtered.nControl()).isEqualTo(segment.nControl()).isLessThan(whole.nControl());
        assertThat(filtered.nTreatment()).isEqualTo(segment.nTreatment());
        // exp_autoplay has ended: no unit is in its window, so none of the units the filter drops counts as incomplete
        assertThat(filtered.incompleteUnits()).isEqualTo(segment.incompleteUnits()).isEqualTo(whole.incompleteUnits()).isZero();
        // the filter's query and the segment's sum the same units in different orders (DuckDB aggregates in
        // parallel): equal up to rounding, 1e-12 relative
        ComparisonResult f = filtered.comparison();
        ComparisonResult s = segment.comparison();
        assertThat(List.of(f.controlValue(), f.treatmentValue(), f.absoluteEffect(), f.absoluteCi().low(),
                f.absoluteCi().high(), f.relativeCi().low(), f.relativeCi().high(), f.pValue()))
                .usingElementComparator((a, b) -> Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)) ? 0 : 1)
                .isEqualTo(List.of(s.controlValue(), s.treatmentValue(), s.absoluteEffect(), s.absoluteCi().low(),
                        s.absoluteCi().high(), s.relativeCi().low(), s.relativeCi().high(), s.pValue()));
    }

    @Test
    void aMethodThatReadsEachUnitsValueAnalysesTheSameFilteredUnits() {
        ScorecardRow summed = rows(null, GB_HOURS.id()).getFirst();
        ScorecardRow unitLevel = service.analyze(new AnalysisRequest("exp_autoplay", List.of(GB_HOURS.id()),
                MeanMethod.parse("mann_whitney"), null)).rows().getFirst();

        assertThat(unitLevel.method()).isEqualTo("mann_whitney");
        assertThat(List.of(unitLevel.nControl(), unitLevel.nTreatment(), unitLevel.incompleteUnits()))
                .isEqualTo(List.of(summed.nControl(), summed.nTreatment(), summed.incompleteUnits()));
    }

    @Test
    void segmentsByTwoDimensionsGiveTheirCrossProductInTheOrderAsked() {
        List<ScorecardRow> byTwo = rows("country,device", HOURS.id());
        ScorecardRow whole = rows(null, HOURS.id()).getFirst();

        assertThat(byTwo).extracting(ScorecardRow::segment).contains("GB × web").allMatch(s -> s.contains(" × "));
        assertThat(byTwo.stream().mapToLong(ScorecardRow::nControl).sum()).isEqualTo(whole.nControl());
        assertThat(byTwo.stream().mapToLong(ScorecardRow::incompleteUnits).sum()).isEqualTo(whole.incompleteUnits());
        Map<String, Long> reversed = rows("device,country", HOURS.id()).stream()
                .collect(Collectors.toMap(ScorecardRow::segment, ScorecardRow::nControl));
        assertThat(reversed.get("web × GB")).isEqualTo(byTwo.stream().filter(r -> r.segment().equals("GB × web"))
                .findFirst().orElseThrow().nControl());
    }

    @Test
    void aPercentileCappedRowShowsThePooledCapsItUsed() {
        ScorecardRow capped = rows(null, CAPPED_HOURS.id()).getFirst();
        ScorecardRow plain = rows(null, HOURS.id()).getFirst();

        assertThat(capped.cap().quantileLow()).isEqualTo(0.01);
        assertThat(capped.cap().quantile()).isEqualTo(0.99);
        assertThat(capped.cap().lower()).isNotNull().isLessThan(capped.cap().upper());
        assertThat(capped.comparison().controlValue()).isBetween(capped.cap().lower(), capped.cap().upper());
        assertThat(plain.cap()).isNull();
    }

    @Test
    void refusesAFilterOnAnUndeclaredDimensionAndAnUnknownOrThirdSegmentDimension() {
        assertThatThrownBy(() -> rows(null, ROGUE.id())).isInstanceOf(AnalysisException.class)
                .hasMessage("metric rogue_hours filters units on dimension signup, which project streaming does not declare"
                        + " (known: country, device, plan)");
        assertThatThrownBy(() -> rows("country,mood", HOURS.id())).isInstanceOf(AnalysisException.class)
                .hasMessage("unknown segment dimension 'mood' (known: country, device, plan)");
        assertThatThrownBy(() -> rows("country,device,plan", HOURS.id())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("segment 'country,device,plan' names 3 dimensions: at most 2 at once");
    }
}
