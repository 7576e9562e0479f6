package io.splitscope.metrics.project;

import static io.splitscope.metrics.project.TestProjects.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.metrics.Cap;
import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Direction;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricUnit;
import io.splitscope.metrics.UnitFilter;
import io.splitscope.metrics.UnitValue;
import io.splitscope.metrics.Window;
import io.splitscope.metrics.experiment.DeclaredExperiments;
import io.splitscope.metrics.experiment.Experiment;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFileTest {

    @TempDir
    Path folder;

    private CompiledProject read(String yaml) {
        return ProjectFile.read(TestProjects.write(folder, yaml), Map.of("DATA", "data")::get);
    }

    private List<String> errors(String yaml) {
        return read(yaml).errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void theValidFileCompilesToTheValuesTheJavaApiBuilds() {
        CompiledProject compiled = read(TestProjects.VALID);
        assertThat(compiled.errors()).isEmpty();
        Project project = compiled.orThrow();
        assertThat(project.warehouse()).isEqualTo(folder.resolve("data").toAbsolutePath().normalize().toString());
        assertThat(project.contract()).isEmpty();
        assertThat(project.sources()).extracting(s -> s.id() + ":" + s.unit() + ":" + s.timestamp())
                .containsExactly("assignments:user_id:assigned_at", "orders:user_id:created_at", "users:id:null");
        assertThat(project.assignments().getFirst().experimentColumn()).isEqualTo("experiment_key");
        assertThat(project.dimension("country").column()).isEqualTo("country");

        Experiment checkout = ((DeclaredExperiments) project.experiments()).declared().getFirst();
        assertThat(checkout).isEqualTo(new Experiment("checkout", "checkout", null, null, LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 28), "old", List.of(new Experiment.VariantWeight("old", 0.5),
                new Experiment.VariantWeight("new", 0.5)), project.assignments().getFirst(), "checkout-v2",
                List.of("purchase_rate", "revenue")));

        Metric revenue = project.metrics().byId("revenue");
        assertThat(revenue.title()).isEqualTo("revenue");
        assertThat(revenue.window()).isEqualTo(Window.days(14));
        assertThat(revenue.cap()).isEqualTo(Cap.abovePercentile(0.99));
        assertThat(revenue.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(revenue.measure()).isInstanceOf(Measure.Mean.class);
        assertThat(revenue.description()).isEqualTo("Σ amount_cents / 100.0 per unit over orders rows where status = 'paid', "
                + "in the 14 days after first exposure. Per-unit values above the 99th percentile are capped.");
        Metric purchaseRate = project.metrics().byId("purchase_rate");
        assertThat(purchaseRate.measure()).isEqualTo(new Measure.Proportion(UnitValue.any()));
        assertThat(purchaseRate.description()).isEqualTo(
                "Share of units with at least one orders row where status = 'paid', in the 14 days after first exposure.");
        Metric refundRate = project.metrics().byId("refund_rate");
        assertThat(refundRate.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(((Measure.Ratio) refundRate.measure()).denominator()).isEqualTo(UnitValue.count());
        assertThat(refundRate.description()).isEqualTo("Σ case when status = 'refunded' then 1 else 0 end / number of rows "
                + "over orders rows, in the 14 days after first exposure, each summed over the units of a variant.");
    }

    @Test
    void listsOfVariantsHaveEqualWeightsAndTheControlDefaultsToTheFirst() {
        Project project = read(valid(26, "    title: Checkout", 27, "    variants: [old, new, newer]")).orThrow();
        Experiment checkout = ((DeclaredExperiments) project.experiments()).declared().getFirst();
        assertThat(checkout.name()).isEqualTo("Checkout");
        assertThat(checkout.controlVariant()).isEqualTo("old");
        assertThat(checkout.variants()).extracting(Experiment.VariantWeight::weight).containsOnly(1.0 / 3);
    }

    @Test
    void theWarehouseReadsEnvironmentVariables() {
        assertThat(read(valid(2, "warehouse: ./${DATA}")).orThrow().warehouse())
                .isEqualTo(folder.resolve("data").toAbsolutePath().normalize().toString());
        assertThat(errors(valid(2, "warehouse: ${NOPE}/data")))
                .containsExactly("splitscope.yaml:2: warehouse: environment variable NOPE is not set");
    }

    @Test
    void aJdbcWarehouseIsKeptAsWritten() {
        assertThat(read(valid(2, "warehouse: jdbc:postgresql://db/shop")).orThrow().warehouse())
                .isEqualTo("jdbc:postgresql://db/shop");
    }

    @Test
    void loadThrowsWithTheFirstErrorAndTheFullList() {
        Path file = TestProjects.write(folder, valid(1, "version: 1", 34, "    source: order"));
        assertThatThrownBy(() -> ProjectFile.load(file))
                .isInstanceOfSatisfying(ProjectException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("splitscope.yaml:1: version: this Splitscope reads version 2 "
                            + "of the project file, not '1' (and 1 more error)");
                    assertThat(e.errors()).hasSize(2);
                });
    }

    // one test per kind of mistake: the exact line users see

    @Test
    void unknownSource() {
        assertThat(errors(valid(39, "    source: order"))).containsExactly(
                "splitscope.yaml:39: metrics.revenue.source: no source 'order' (did you mean 'orders'?)");
    }

    @Test
    void unknownKey() {
        assertThat(errors(valid(37, "    windw: 14d"))).containsExactly(
                "splitscope.yaml:33: metrics.purchase_rate.window: missing: source 'orders' has a timestamp, so the "
                        + "metric counts rows in a window after first exposure (e.g. 14d)",
                "splitscope.yaml:37: metrics.purchase_rate.windw: unknown key (did you mean 'window'?)");
    }

    @Test
    void expressionSyntaxError() {
        assertThat(errors(valid(36, "    filter: status = = 'paid'"))).containsExactly(
                "splitscope.yaml:36: metrics.purchase_rate.filter: not valid SQL: Identifier expected at column 10 "
                        + "of \"status = = 'paid'\"");
    }

    @Test
    void expressionSyntaxErrorOnTheLineOfABlock() {
        assertThat(errors(valid(41, "    value: |\n      amount_cents\n        / / 100.0"))).containsExactly(
                "splitscope.yaml:43: metrics.revenue.value: not valid SQL: Identifier expected at column 5 "
                        + "of \"amount_cents / / 100.0\"");
    }

    @Test
    void badYaml() {
        assertThat(errors(valid(27, "    variants: {old: 0.5, new: 0.5"))).containsExactly(
                "splitscope.yaml:28: not valid YAML: expected ',' or '}', but got : while parsing a flow mapping");
    }

    @Test
    void duplicateId() {
        assertThat(errors(valid(45, "  revenue:"))).containsExactly(
                "splitscope.yaml:45: metrics.revenue: duplicate key 'revenue' (first at line 38)");
    }

    @Test
    void invalidId() {
        assertThat(errors(valid(45, "  refund rate!:"))).containsExactly(
                "splitscope.yaml:45: metrics.refund rate!: a metric id is 1 to 64 characters of A-Z, a-z, 0-9, _, . and -");
    }

    @Test
    void wrongOrMissingVersion() {
        assertThat(errors(valid(1, "versio: 2"))).containsExactly(
                "splitscope.yaml:1: versio: unknown key (did you mean 'version'?)",
                "splitscope.yaml:1: version: missing: a project file starts with 'version: 2'");
    }

    @Test
    void weightsThatDoNotSumToOne() {
        assertThat(errors(valid(27, "    variants: {old: 0.5, new: 0.6}"))).containsExactly(
                "splitscope.yaml:27: experiments.checkout.variants: the weights sum to 1.1, not 1");
    }

    @Test
    void controlNotAmongTheVariants() {
        assertThat(errors(valid(26, "    control: olt"))).containsExactly(
                "splitscope.yaml:26: experiments.checkout.control: control 'olt' is not one of the variants old, new "
                        + "(did you mean 'old'?)");
    }

    @Test
    void badDates() {
        assertThat(errors(valid(28, "    start: 2026-13-01"))).containsExactly(
                "splitscope.yaml:28: experiments.checkout.start: '2026-13-01' is not a date (YYYY-MM-DD)");
        assertThat(errors(valid(29, "    end: 2026-04-30"))).containsExactly(
                "splitscope.yaml:29: experiments.checkout.end: the experiment ends (2026-04-30) before it starts (2026-05-01)");
        assertThat(errors(valid(28, "    owner: growth"))).containsExactly(
                "splitscope.yaml:23: experiments.checkout.start: missing: assignment 'web' has a timestamp, so the "
                        + "experiment needs its start date (YYYY-MM-DD)");
    }

    @Test
    void capOnANonMeanMetric() {
        assertThat(errors(valid(36, "    cap: {value: 3}"))).containsExactly(
                "splitscope.yaml:36: metrics.purchase_rate.cap: only averaged metrics (mean, count_distinct, active_days) "
                        + "can be capped, not a proportion metric");
    }

    @Test
    void quantileWithoutValue() {
        assertThat(errors(valid(40, "    type: quantile", 41, "    quantile: 0.9", 44, "    direction: higher")))
                .containsExactly("splitscope.yaml:38: metrics.revenue.value: missing: the row value whose quantile is taken");
    }

    @Test
    void windowOnASourceWithoutTimestamp() {
        assertThat(errors(valid(34, "    source: users"))).containsExactly(
                "splitscope.yaml:37: metrics.purchase_rate.window: source 'users' has no timestamp: every row counts, "
                        + "so the metric has no window");
    }

    @Test
    void noWindowOnASourceWithTimestamp() {
        assertThat(errors(valid(50, "    direction: lower"))).containsExactly(
                "splitscope.yaml:45: metrics.refund_rate.window: missing: source 'orders' has a timestamp, so the "
                        + "metric counts rows in a window after first exposure (e.g. 14d)",
                "splitscope.yaml:51: metrics.refund_rate.direction: duplicate key 'direction' (first at line 50)");
    }

    @Test
    void unknownMetricInAnExperiment() {
        assertThat(errors(valid(30, "    metrics: [purchase_rat, revenue]"))).containsExactly(
                "splitscope.yaml:30: experiments.checkout.metrics: no metric 'purchase_rat' (did you mean 'purchase_rate'?)");
    }

    @Test
    void unknownDimensionInSegments() {
        assertThat(errors(valid(31, "    segments: [countri]"))).containsExactly(
                "splitscope.yaml:31: experiments.checkout.segments: no dimension 'countri' (did you mean 'country'?)");
    }

    @Test
    void anExperimentsUnitFilterReadsTheDimensions() {
        Project project = read(valid(31, "    segments: [country]\n    unit_filter: country in ('de', 'fr')")).orThrow();
        Experiment checkout = ((DeclaredExperiments) project.experiments()).declared().getFirst();
        Dimension country = project.dimension("country");
        assertThat(checkout.unitFilter()).isEqualTo(new UnitFilter("country in ('de', 'fr')",
                country.attribute().in("de", "fr"), List.of(country)));
        assertThat(errors(valid(31, "    segments: [country]\n    unit_filter: contry = 'de'"))).containsExactly(
                "splitscope.yaml:32: experiments.checkout.unit_filter: no dimension 'contry': a unit filter reads the "
                        + "project's dimensions (country) (did you mean 'country'?)");
        assertThat(errors(valid(31, "    segments: [country]\n    unit_filtr: country = 'de'"))).containsExactly(
                "splitscope.yaml:32: experiments.checkout.unit_filtr: unknown key (did you mean 'unit_filter'?)");
    }

    @Test
    void unknownAssignment() {
        assertThat(errors(valid(24, "    assignment: webb"))).containsExactly(
                "splitscope.yaml:24: experiments.checkout.assignment: no assignment 'webb' (did you mean 'web'?)");
    }

    @Test
    void windowedMetricInAnExperimentWithoutTimestamps() {
        // the assignment source loses its timestamp, and so do the metrics' windows their start
        assertThat(errors(valid(7, "    # no timestamp"))).containsExactly(
                "splitscope.yaml:30: experiments.checkout.metrics: metric 'purchase_rate' has a window, but assignment "
                        + "'web' has no timestamp to start it from",
                "splitscope.yaml:30: experiments.checkout.metrics: metric 'revenue' has a window, but assignment "
                        + "'web' has no timestamp to start it from");
    }

    @Test
    void aUnitLevelCovariateNamesASourceOfTheProject() {
        assertThat(errors(valid(44, "    covariate: {source: users, value: age, aggregate: max}"))).isEmpty();
        assertThat(errors(valid(44, "    covariate: {source: user, value: age}"))).containsExactly(
                "splitscope.yaml:44: metrics.revenue.covariate.source: no source 'user' (did you mean 'users'?)");
        assertThat(errors(valid(44, "    covariate: {source: users, valu: age}"))).containsExactly(
                "splitscope.yaml:44: metrics.revenue.covariate.valu: unknown key (did you mean 'value'?)",
                "splitscope.yaml:44: metrics.revenue.covariate.value: missing: the row value to sum");
        assertThat(errors(valid(44, "    covariate: pre_period"))).isEmpty();
    }

    @Test
    void aMetricHasAUnitOrACurrency() {
        Project project = read(valid(44, "    currency: EUR", 51, "    unit: refunds/order")).orThrow();
        assertThat(project.metrics().byId("revenue").unit()).isEqualTo(MetricUnit.currency("EUR"));
        assertThat(project.metrics().byId("refund_rate").unit()).isEqualTo(MetricUnit.of("refunds/order"));
        assertThat(project.metrics().byId("purchase_rate").unit()).isNull();
    }

    @Test
    void aBadCurrencyIsOneLineNamingIt() {
        assertThat(errors(valid(44, "    currency: eur"))).containsExactly(
                "splitscope.yaml:44: metrics.revenue.currency: unknown currency 'eur': an ISO 4217 code in capitals, e.g. USD, EUR, GBP");
        assertThat(errors(valid(44, "    currency: EURO"))).containsExactly(
                "splitscope.yaml:44: metrics.revenue.currency: unknown currency 'EURO': an ISO 4217 code in capitals, e.g. USD, EUR, GBP");
        assertThat(errors(valid(42, "    unit: euros", 44, "    currency: EUR"))).containsExactly(
                "splitscope.yaml:44: metrics.revenue.currency: a metric has a unit or a currency, not both (unit 'euros')");
    }

    @Test
    void unknownDirectionTypeAndAggregate() {
        assertThat(errors(valid(51, "    direction: lowr"))).containsExactly(
                "splitscope.yaml:51: metrics.refund_rate.direction: unknown direction 'lowr': higher or lower "
                        + "(did you mean 'lower'?)");
        assertThat(errors(valid(40, "    type: meen"))).containsExactly(
                "splitscope.yaml:40: metrics.revenue.type: unknown metric type 'meen': mean, proportion, ratio, "
                        + "quantile, retention, conversion, funnel, count_distinct, active_days or threshold (did you mean 'mean'?)");
        assertThat(errors(valid(40, "    type: retension"))).contains(
                "splitscope.yaml:40: metrics.revenue.type: unknown metric type 'retension': mean, proportion, ratio, "
                        + "quantile, retention, conversion, funnel, count_distinct, active_days or threshold (did you mean 'retention'?)");
        assertThat(errors(valid(49, "    denominator: {aggregate: cnt}"))).containsExactly(
                "splitscope.yaml:49: metrics.refund_rate.denominator.aggregate: unknown aggregate 'cnt': sum, count, "
                        + "count_distinct, max, min (did you mean 'count'?)");
    }

    @Test
    void badWindow() {
        assertThat(errors(valid(43, "    window: two weeks"))).containsExactly(
                "splitscope.yaml:43: metrics.revenue.window: expected a duration in days or hours such as 14d, '14 days', 36h "
                        + "or '36 hours', not 'two weeks'");
        assertThat(errors(valid(43, "    window: 0d"))).containsExactly(
                "splitscope.yaml:43: metrics.revenue.window: a window lasts at least 1 hour, not '0d'");
        assertThat(read(valid(43, "    window: 7 days")).orThrow().metrics().byId("revenue").window()).isEqualTo(Window.days(7));
        assertThat(read(valid(43, "    window: 36h")).orThrow().metrics().byId("revenue").window()).isEqualTo(Window.hours(36));
        assertThat(read(valid(43, "    window: 1 hour")).orThrow().metrics().byId("revenue").window()).isEqualTo(Window.hours(1));
    }

    @Test
    void meanWithoutValue() {
        assertThat(errors(valid(41, "    aggregate: max"))).containsExactly(
                "splitscope.yaml:38: metrics.revenue.value: missing: the row value to max (or aggregate: count to count rows)");
    }

    @Test
    void refusedExpressions() {
        assertThat(errors(valid(41, "    value: o.amount"))).containsExactly(
                "splitscope.yaml:41: metrics.revenue.value: qualified column 'o.amount': name a column of the source alone");
        assertThat(errors(valid(41, "    value: sum(amount)"))).containsExactly(
                "splitscope.yaml:41: metrics.revenue.value: aggregate function sum is not allowed in a row expression: "
                        + "a metric aggregates per unit with 'aggregate'");
    }

    @Test
    void manyMistakesAreAllListed() {
        String yaml = valid(
                1, "version: 3",
                2, "warehouse: ${NOPE}",
                9, "    tabel: orders",
                17, "    source: asignments",
                21, "  country: {source: user, column: country}",
                24, "    assignment: webb",
                26, "    control: olt",
                27, "    variants: {old: 0.5, new: 0.6}",
                28, "    start: 2026-02-30",
                30, "    metrics: [purchase_rat]",
                31, "    segments: [countri]",
                35, "    type: proportoin",
                36, "    filter: status = = 'paid'",
                37, "    window: 14 weeks",
                39, "    source: order",
                44, "    cap: {quantile: 1.5}",
                45, "  refund rate:",
                51, "    direction: lowr");
        List<String> errors = errors(yaml);
        assertThat(errors).hasSizeGreaterThanOrEqualTo(15).doesNotHaveDuplicates();
        assertThat(errors).contains(
                "splitscope.yaml:1: version: this Splitscope reads version 2 of the project file, not '3'",
                "splitscope.yaml:2: warehouse: environment variable NOPE is not set",
                "splitscope.yaml:9: sources.orders.tabel: unknown key (did you mean 'table'?)",
                "splitscope.yaml:17: assignments.web.source: no source 'asignments' (did you mean 'assignments'?)",
                "splitscope.yaml:45: metrics.refund rate: a metric id is 1 to 64 characters of A-Z, a-z, 0-9, _, . and -",
                "splitscope.yaml:51: metrics.refund rate.direction: unknown direction 'lowr': higher or lower (did you mean 'lower'?)");
        assertThat(errors).allSatisfy(error -> assertThat(error).doesNotContain("\n").startsWith("splitscope.yaml:"));
        System.out.println(String.join("\n", errors));
    }
}
