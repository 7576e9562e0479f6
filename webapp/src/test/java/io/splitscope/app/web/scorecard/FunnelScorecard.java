package io.splitscope.app.web.scorecard;

import io.splitscope.analysis.InputSummary;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.Window;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.Population;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Interval;
import io.splitscope.stats.health.SrmResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.impl.SQLDataType;

/**
 * A three-step funnel ({@code checkout_funnel}: browse, cart, checkout over page_views, 7 days) and a
 * scorecard of its rows built by hand: control 1,000 units with shares 60 %, 30 %, 12 %; treatment
 * 1,010 units with 62 %, 33 %, 15 %; the conversions are the ratios of those shares.
 */
final class FunnelScorecard {

    static final Source PAGE_VIEWS = new Source("page_views", new Source.TableRelation("page_views"), "user_key", "viewed_at");

    static final Metric FUNNEL = Metric.define("checkout_funnel").title("Checkout funnel").description("Browse, cart, checkout.")
            .from(PAGE_VIEWS).funnel(step("browse", "product"), step("cart", "cart"), step("checkout", "checkout"))
            .window(Window.days(7)).higherIsBetter().build();

    private FunnelScorecard() {
    }

    private static Measure.Funnel.Step step(String name, String page) {
        return Measure.Funnel.Step.of(name, PAGE_VIEWS.column("page", SQLDataType.VARCHAR).eq(page));
    }

    /** The funnel's rows in the order of {@link Metric#scorecardMetrics()}, compared with made-up intervals. */
    static Scorecard scorecard() {
        double[] control = {0.6, 0.3, 0.12};
        double[] treatment = {0.62, 0.33, 0.15};
        List<ScorecardRow> rows = new ArrayList<>();
        for (Metric metric : FUNNEL.scorecardMetrics()) {
            String id = metric.id();
            int step = id.charAt(id.indexOf(".step") + 5) - '1';
            boolean conversion = id.contains("_of_");
            double c = conversion ? control[step] / control[step - 1] : control[step];
            double t = conversion ? treatment[step] / treatment[step - 1] : treatment[step];
            ComparisonResult result = ComparisonResult.ok(c, t, t - c, new Interval(t - c - 0.04, t - c + 0.04),
                    t / c - 1, new Interval(t / c - 1.1, t / c - 0.9), 0.2);
            rows.add(new ScorecardRow(id, metric.title(), metric.type(), conversion ? "delta_ratio" : "welch_t", "treatment",
                    null, 1000, 1010, 5, result, conversion ? null : 0.3, InputSummary.NONE, metric.kind(), Eligibility.ELAPSED));
        }
        Experiment experiment = new Experiment("new_checkout", "New checkout", null, "shop", LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 28), "control", List.of(new Experiment.VariantWeight("control", 0.5),
                new Experiment.VariantWeight("treatment", 0.5)), null, null, List.of());
        return new Scorecard(experiment, new Population(Map.of("control", 1005L, "treatment", 1015L), 0, 0),
                new SrmResult(0.1, 0.75, false, Map.of("control", 0.5, "treatment", 0.5)), rows, ConfidenceLevel.DEFAULT,
                "shop", Instant.EPOCH, List.of());
    }
}
