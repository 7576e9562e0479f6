package io.splitscope.metrics.catalog;

import io.splitscope.metrics.Metric;
import io.splitscope.metrics.UnitValue;
import io.splitscope.metrics.Window;
import java.util.List;

/**
 * A team's catalog whose metric reads a source of the project it is loaded into, by id: found only
 * through a jar's service file (CatalogJarsTest writes that jar), not through the test class path's.
 */
public final class JarOnlyCatalog implements MetricCatalog {

    @Override
    public List<Metric> metrics(ProjectSources sources) {
        return List.of(Metric.define("orders_any_status").title("Orders of any status")
                .description("Orders per user, whatever their status, in the 14 days after first exposure.")
                .from(sources.byId("orders")).mean(UnitValue.count()).window(Window.days(14)).higherIsBetter().build());
    }
}
