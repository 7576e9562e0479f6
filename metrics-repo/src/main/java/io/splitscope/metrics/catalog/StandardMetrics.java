package io.splitscope.metrics.catalog;

import static io.splitscope.sql.WarehouseSchema.WATCH_SECONDS;

import io.splitscope.metrics.Direction;
import io.splitscope.metrics.EventSource;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricType;
import io.splitscope.metrics.UnitValue;
import io.splitscope.metrics.Window;
import java.util.List;

/** The standard metric catalog of {@code spec/metrics.md}. */
public final class StandardMetrics implements MetricCatalog {

    private static final Window WEEK = Window.days(7);
    private static final EventSource PLAYBACK = EventSource.PLAYBACK;

    public static final Metric STREAMING_HOURS = new Metric("streaming_hours", "Streaming hours",
            "Hours watched per member in the 7 days after first exposure: Σ `watch_seconds` / 3600 over the "
                    + "member's playback sessions that start in the window.",
            MetricType.MEAN, PLAYBACK, UnitValue.sum(PLAYBACK.column(WATCH_SECONDS).div(3600.0)), WEEK,
            Direction.HIGHER_IS_BETTER);

    public static final Metric PLAYS_PER_MEMBER = new Metric("plays_per_member", "Plays per member",
            "Playback sessions per member that start in the 7 days after first exposure.",
            MetricType.MEAN, PLAYBACK, UnitValue.count(), WEEK, Direction.HIGHER_IS_BETTER);

    public static final Metric PLAY_RATE = new Metric("play_rate", "Play rate",
            "Share of members with at least one playback session in the 7 days after first exposure.",
            MetricType.PROPORTION, PLAYBACK, UnitValue.any(), WEEK, Direction.HIGHER_IS_BETTER);

    @Override
    public List<Metric> metrics() {
        return List.of(STREAMING_HOURS, PLAYS_PER_MEMBER, PLAY_RATE);
    }
}
