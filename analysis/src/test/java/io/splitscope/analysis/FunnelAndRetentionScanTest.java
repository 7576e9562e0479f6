package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.json.ScorecardJson;
import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.catalog.MetricCatalog;
import io.splitscope.metrics.catalog.MetricRepository;
import io.splitscope.metrics.project.Project;
import io.splitscope.metrics.project.ProjectFile;
import io.splitscope.sql.generate.ShopGenerator;
import io.splitscope.sql.generate.ShopSettings;
import io.splitscope.sql.log.QueryLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A day-7 retention (counting every exposed unit) and a three-step funnel over the shop demo's
 * {@code page_views} (2,000 users, seed 7, on DuckDB), beside the project's own metric over that
 * source: they add no query and no scan of it (the query log shows one query per source); the
 * funnel becomes its step and step-to-step rows, the latter descriptive, without an adjusted p-value.
 */
class FunnelAndRetentionScanTest {

    @TempDir
    static Path shop;

    private static AnalysisService service;

    @BeforeAll
    static void open() {
        new ShopGenerator().generate(ShopSettings.of(2_000, 7, "csv"), shop);
        Project project = ProjectFile.load(shop.resolve(ShopGenerator.PROJECT_FILE));
        service = AnalysisService.open(withRetentionAndFunnel(project));
    }

    @AfterAll
    static void close() {
        if (service != null) {
            service.close();
        }
    }

    /** The project with {@code visit_d7} and {@code browse_funnel} (product → cart → checkout, 7 days) over page_views. */
    private static Project withRetentionAndFunnel(Project project) {
        Source pageViews = project.sources().stream().filter(s -> s.id().equals("page_views")).findFirst().orElseThrow();
        var page = pageViews.column("page", SQLDataType.VARCHAR);
        Metric retention = Metric.define("visit_d7").title("Visited on day 7").description("A page view on day 7.").from(pageViews)
                .retention(Duration.ofDays(7), Duration.ofDays(8)).eligibility(Eligibility.ALL).higherIsBetter().build();
        Metric funnel = Metric.define("browse_funnel").title("Browse funnel").description("Product, cart, checkout.").from(pageViews)
                .funnel(Measure.Funnel.Step.of("product", page.eq("product")), Measure.Funnel.Step.of("cart", page.eq("cart")),
                        Measure.Funnel.Step.of("checkout", page.eq("checkout")))
                .window(io.splitscope.metrics.Window.days(7)).higherIsBetter().build();
        List<Metric> metrics = new java.util.ArrayList<>(project.metrics().all());
        metrics.addAll(List.of(retention, funnel));
        MetricCatalog catalog = new MetricCatalog() {
            @Override
            public List<Metric> metrics() {
                return metrics;
            }
        };
        return new Project(project.name(), project.warehouse(), project.sources(), project.assignments(),
                project.dimensions(), project.experiments(), MetricRepository.of(List.of(catalog)), project.contract(),
                project.check(), project.primaryMetrics());
    }

    private static List<QueryLog.Entry> queriesReading(Scorecard scorecard, String table) {
        return scorecard.queries().stream().filter(q -> q.sql().contains("\"" + table + "\"")).toList();
    }

    @Test
    void aRetentionAndAFunnelAddNoQueryAndNoScanOfTheirSource() {
        Scorecard alone = service.analyze(new AnalysisRequest("new_checkout", List.of("pages_viewed"), MeanMethod.WELCH_T, null));
        Scorecard all = service.analyze(new AnalysisRequest("new_checkout",
                List.of("pages_viewed", "visit_d7", "browse_funnel"), MeanMethod.WELCH_T, null));

        assertThat(queriesReading(alone, "page_views")).hasSize(1);
        List<QueryLog.Entry> pageViews = queriesReading(all, "page_views");
        assertThat(pageViews).hasSize(1);
        assertThat(all.queries()).hasSameSizeAs(alone.queries());
        String fused = pageViews.getFirst().sql();
        assertThat(fused).contains("pages_viewed__sum", "visit_d7__sum", "browse_funnel.step3__sum");
        assertThat(fused.split("\"page_views\"", -1)).as("scans of page_views in the fused query").hasSize(2);
    }

    @Test
    void aFunnelBecomesItsStepsAndDescriptiveStepToStepRows() {
        Scorecard scorecard = service.analyze(new AnalysisRequest("new_checkout", List.of("visit_d7", "browse_funnel"),
                MeanMethod.WELCH_T, null));

        assertThat(scorecard.rows()).extracting(ScorecardRow::metricId).containsExactly("visit_d7",
                "browse_funnel.step1", "browse_funnel.step2", "browse_funnel.step2_of_1", "browse_funnel.step3",
                "browse_funnel.step3_of_2");
        assertThat(scorecard.rows()).extracting(ScorecardRow::kind).containsExactly(MetricKind.RETENTION,
                MetricKind.FUNNEL_STEP, MetricKind.FUNNEL_STEP, MetricKind.FUNNEL_CONVERSION, MetricKind.FUNNEL_STEP,
                MetricKind.FUNNEL_CONVERSION);
        assertThat(scorecard.rows()).extracting(ScorecardRow::eligibility).containsExactly(Eligibility.ALL,
                Eligibility.ELAPSED, Eligibility.ELAPSED, Eligibility.ELAPSED, Eligibility.ELAPSED, Eligibility.ELAPSED);
        for (ScorecardRow row : scorecard.rows()) {
            assertThat(row.pValueAdjusted() == null).as(row.metricId() + ": no adjusted p when descriptive")
                    .isEqualTo(row.descriptive());
            assertThat(row.comparison().pValue()).as(row.metricId()).isNotNull();
        }
        // every unit that completes three steps completed two: the shares fall step by step, in each arm
        List<ScorecardRow> steps = scorecard.rows().stream().filter(r -> r.kind() == MetricKind.FUNNEL_STEP).toList();
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).comparison().controlValue()).isLessThanOrEqualTo(steps.get(i - 1).comparison().controlValue());
            assertThat(steps.get(i).comparison().treatmentValue()).isLessThanOrEqualTo(steps.get(i - 1).comparison().treatmentValue());
        }
        // step 3 of 2 is step 3's share over step 2's (the same eligible units)
        assertThat(scorecard.rows().get(5).comparison().controlValue()).isCloseTo(
                steps.get(2).comparison().controlValue() / steps.get(1).comparison().controlValue(),
                org.assertj.core.api.Assertions.within(1e-12));

        JsonNode json = ScorecardJson.tree(scorecard);
        JsonNode conversion = json.get("results").get(3);
        assertThat(conversion.get("kind").asString()).isEqualTo("funnel_conversion");
        assertThat(conversion.get("descriptive").asBoolean()).isTrue();
        assertThat(conversion.get("p_value_adjusted").isNull()).isTrue();
        assertThat(json.get("results").get(0).get("eligibility").asString()).isEqualTo("all");
    }
}
