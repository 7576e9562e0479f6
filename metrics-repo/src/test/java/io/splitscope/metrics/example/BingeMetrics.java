package io.splitscope.metrics.example;

import static io.splitscope.metrics.preset.StreamingPreset.PLAYBACK;
import static io.splitscope.sql.WarehouseSchema.WATCH_SECONDS;

import io.splitscope.metrics.Metric;
import io.splitscope.metrics.UnitValue;
import io.splitscope.metrics.Window;
import io.splitscope.metrics.catalog.MetricCatalog;
import java.util.List;

/** A team's own metric set, added without touching the core (the README's worked example). */
public final class BingeMetrics implements MetricCatalog {

    public static final Metric LONG_SESSIONS = Metric.define("long_sessions_per_member")
            .title("Long sessions per member")
            .description("Playback sessions of an hour or more per member, in the 7 days after first exposure.")
            .from(PLAYBACK)
            .where(PLAYBACK.column(WATCH_SECONDS).ge(3600.0))
            .mean(UnitValue.count())
            .window(Window.days(7))
            .higherIsBetter()
            .build();

    @Override
    public List<Metric> metrics() {
        return List.of(LONG_SESSIONS);
    }
}
