package io.splitscope.metrics.catalog;

import io.splitscope.metrics.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Every metric of every {@link MetricCatalog} on the class path, looked up by stable id. A
 * duplicate id fails at load, naming the metric and both catalogs.
 */
public final class MetricRepository {

    private final Map<String, Metric> byId;

    private MetricRepository(Map<String, Metric> byId) {
        this.byId = byId;
    }

    /** The metrics of the catalogs found through {@link ServiceLoader}. */
    public static MetricRepository load() {
        return load(List.of());
    }

    /** The metrics of {@code own}, then those of the catalogs found through {@link ServiceLoader}. */
    public static MetricRepository load(List<? extends MetricCatalog> own) {
        return load(own, MetricCatalog.class.getClassLoader());
    }

    /**
     * The metrics of {@code own}, then those of the catalogs that {@code loader} finds through
     * {@link ServiceLoader} (see {@link CatalogJars#classLoader}).
     */
    public static MetricRepository load(List<? extends MetricCatalog> own, ClassLoader loader) {
        List<MetricCatalog> catalogs = new ArrayList<>(own);
        catalogs.addAll(found(loader));
        return of(catalogs);
    }

    /** The catalogs that {@code loader} finds through {@link ServiceLoader}. */
    public static List<MetricCatalog> found(ClassLoader loader) {
        List<MetricCatalog> catalogs = new ArrayList<>();
        ServiceLoader.load(MetricCatalog.class, loader).forEach(catalogs::add);
        return catalogs;
    }

    /** The metrics of the given catalogs, each over the sources it declares itself. */
    public static MetricRepository of(List<? extends MetricCatalog> catalogs) {
        return of(catalogs, id -> {
            throw new IllegalArgumentException("no project sources to read '" + id + "' from");
        });
    }

    /** The metrics of the given catalogs in a project whose sources they may read ({@link MetricCatalog#metrics(MetricCatalog.ProjectSources)}). */
    public static MetricRepository of(List<? extends MetricCatalog> catalogs, MetricCatalog.ProjectSources sources) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        for (MetricCatalog catalog : catalogs) {
            String catalogName = catalog.getClass().getName();
            for (Metric metric : catalog.metrics(sources)) {
                String earlier = origin.putIfAbsent(metric.id(), catalogName);
                if (earlier != null) {
                    throw new IllegalStateException("metric " + metric.id() + " is defined twice: in " + earlier
                            + " and in " + catalogName);
                }
                metrics.put(metric.id(), metric);
            }
        }
        // a funnel's rows have ids of their own in every scorecard: no metric may take one
        for (Metric metric : metrics.values()) {
            for (Metric row : metric.scorecardMetrics()) {
                if (row != metric && metrics.containsKey(row.id())) {
                    throw new IllegalStateException("metric " + row.id() + " (in " + origin.get(row.id()) + ") has the id "
                            + "of a row of funnel " + metric.id() + " (in " + origin.get(metric.id()) + "): rename one of them");
                }
            }
        }
        return new MetricRepository(metrics);
    }

    public List<Metric> all() {
        return List.copyOf(byId.values());
    }

    /**
     * @throws UnknownMetricException when no catalog defines {@code id}
     */
    public Metric byId(String id) {
        Metric metric = byId.get(id);
        if (metric == null) {
            throw new UnknownMetricException("unknown metric '" + id + "' (known: " + String.join(", ", byId.keySet()) + ")");
        }
        return metric;
    }

    /** The metrics with these ids, in this order; all metrics when {@code ids} is empty. */
    public List<Metric> resolve(List<String> ids) {
        return ids.isEmpty() ? all() : ids.stream().map(this::byId).toList();
    }

    /** A metric id no catalog defines. */
    public static final class UnknownMetricException extends IllegalArgumentException {
        public UnknownMetricException(String message) {
            super(message);
        }
    }
}
