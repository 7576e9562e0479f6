package io.splitscope.app.web.scorecard;

import io.splitscope.analysis.AnalysisService;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.experiment.DecisionPlan;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which scorecard group each metric belongs to. An experiment with a decision plan says it
 * ({@link #forPlan}): its success metrics are primary, its guardrails guardrails, every other
 * metric secondary (informative). Without one, the rule is global:
 * <ol>
 *   <li><b>Guardrail</b>: every metric defined with {@code guardrail()} (cancel rate, rebuffers,
 *       startup time) — they guard against harm, whatever the experiment's goal;</li>
 *   <li><b>Primary</b>: the metrics listed in {@code splitscope.primary-metrics} (comma-separated
 *       ids; by default the project's own, {@code Project.primaryMetrics()}: in the streaming preset
 *       engagement and money, what every streaming experiment is judged on), unless they are
 *       guardrails;</li>
 *   <li><b>Secondary</b>: every other metric.</li>
 * </ol>
 * Set it like any Spring property, e.g. {@code SPLITSCOPE_PRIMARY_METRICS=play_rate} in the
 * environment. Unknown ids are logged and ignored.
 */
@Component
public final class MetricGroups {

    private static final Logger LOG = LoggerFactory.getLogger(MetricGroups.class);

    /** A scorecard group, in the order they are shown. */
    public enum Group {
        /** What the experiment is meant to move. */
        PRIMARY("Primary metrics", "What the experiment is meant to move."),
        /** Metrics that must not get worse. */
        GUARDRAIL("Guardrails", "Must not get worse: a red guardrail is a reason not to ship."),
        /** Everything else. */
        SECONDARY("Secondary metrics", "Further effects, to understand what happened.");

        private final String title;
        private final String caption;

        Group(String title, String caption) {
            this.title = title;
            this.caption = caption;
        }

        /** The group's heading. */
        public String title() {
            return title;
        }

        /** One sentence saying how to read the group. */
        public String caption() {
            return caption;
        }
    }

    private final Map<String, Metric> metrics;
    /** Every scorecard row's metric by its id (a funnel's rows, {@link Metric#scorecardMetrics()}), with the catalog's metric. */
    private final Map<String, Row> rows;
    private final Set<String> primary;
    /** The experiment's decision plan that decides the groups, or null for the global rule. */
    private final DecisionPlan plan;

    /** A scorecard row's metric and the catalog metric it comes from (itself, or its funnel). */
    private record Row(Metric metric, Metric definedBy) {
    }

    /** Built by Spring with the configured primary metrics, else the project's. */
    @Autowired
    public MetricGroups(AnalysisService analysis, @Value("${splitscope.primary-metrics:}") String primaryMetrics) {
        this(analysis.metrics(), primaryMetrics.isBlank()
                ? String.join(",", analysis.project().primaryMetrics()) : primaryMetrics);
    }

    /** Groups over {@code metrics} with a comma-separated list of primary metric ids. */
    public MetricGroups(List<Metric> metrics, String primaryMetrics) {
        this.metrics = metrics.stream().collect(Collectors.toMap(Metric::id, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
        this.rows = new java.util.HashMap<>();
        this.metrics.values().forEach(defined -> defined.scorecardMetrics()
                .forEach(row -> rows.putIfAbsent(row.id(), new Row(row, defined))));
        Set<String> ids = Arrays.stream(primaryMetrics == null ? new String[0] : primaryMetrics.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> unknown = ids.stream().filter(id -> !this.metrics.containsKey(id))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!unknown.isEmpty()) {
            LOG.warn("splitscope.primary-metrics names unknown metrics, ignored: {}", String.join(", ", unknown));
        }
        ids.removeAll(unknown);
        this.primary = Set.copyOf(ids);
        this.plan = null;
    }

    private MetricGroups(MetricGroups global, DecisionPlan plan) {
        this.metrics = global.metrics;
        this.rows = global.rows;
        this.primary = global.primary;
        this.plan = plan;
    }

    /** The groups of an experiment with {@code plan}: by its roles when it decides, else the global rule. */
    public MetricGroups forPlan(DecisionPlan plan) {
        return plan.decides() ? new MetricGroups(this, plan) : this;
    }

    /** The group of a metric or scorecard row id (a funnel's rows are in their funnel's); an unknown metric is secondary. */
    public Group groupOf(String metricId) {
        Row row = rows.get(metricId);
        if (plan != null) {
            String id = row == null ? metricId : row.definedBy().id();
            return plan.guardrails().containsKey(id) ? Group.GUARDRAIL : plan.success().contains(id) ? Group.PRIMARY : Group.SECONDARY;
        }
        if (row != null && row.definedBy().guardrail()) {
            return Group.GUARDRAIL;
        }
        return primary.contains(row == null ? metricId : row.definedBy().id()) ? Group.PRIMARY : Group.SECONDARY;
    }

    /** The metric of this id or of the scorecard row with this id (a funnel's {@code checkout_funnel.step2}), or null. */
    public Metric metric(String metricId) {
        Row row = rows.get(metricId);
        return row == null ? null : row.metric();
    }

    /** Every metric, in catalog order. */
    public List<Metric> metrics() {
        return List.copyOf(metrics.values());
    }
}
