package io.splitscope.metrics.catalog;

import io.splitscope.metrics.Metric;
import io.splitscope.metrics.Source;
import java.util.List;

/**
 * A set of metrics, contributed through {@link java.util.ServiceLoader}: a team adds its metrics
 * as a class implementing this interface, listed in
 * {@code META-INF/services/io.splitscope.metrics.catalog.MetricCatalog} of its jar, with no edit to
 * core code. The jar is found on the class path, in the {@code catalogs} folder beside a project
 * file, or through {@code --catalog JAR} ({@link CatalogJars}).
 *
 * <p>A catalog either declares its own sources ({@link #metrics()}) or reads the sources of the
 * project it is loaded into by id ({@link #metrics(ProjectSources)}: Java metrics over sources a
 * project file declares).
 */
public interface MetricCatalog {

    /** The metrics of this set, over sources it declares itself; ids must be unique across all catalogs. */
    default List<Metric> metrics() {
        return List.of();
    }

    /** The metrics of this set in a project whose sources it may read by id; by default {@link #metrics()}. */
    default List<Metric> metrics(ProjectSources sources) {
        return metrics();
    }

    /** The sources of the project a catalog is loaded into. */
    @FunctionalInterface
    interface ProjectSources {

        /**
         * @throws IllegalArgumentException naming the project's sources when it has none of this id
         */
        Source byId(String id);
    }
}
