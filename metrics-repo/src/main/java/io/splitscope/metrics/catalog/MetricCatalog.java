package io.splitscope.metrics.catalog;

import io.splitscope.metrics.Metric;
import java.util.List;

/**
 * A set of metrics, contributed through {@link java.util.ServiceLoader}: a team adds its metrics
 * as a class implementing this interface, listed in
 * {@code META-INF/services/io.splitscope.metrics.catalog.MetricCatalog}, with no edit to core code.
 */
public interface MetricCatalog {

    /** The metrics of this set; ids must be unique across all catalogs. */
    List<Metric> metrics();
}
