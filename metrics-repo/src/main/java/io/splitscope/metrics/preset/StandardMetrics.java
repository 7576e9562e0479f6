package io.splitscope.metrics.preset;

import static io.splitscope.metrics.preset.StreamingPreset.CANCELLATIONS;
import static io.splitscope.metrics.preset.StreamingPreset.PAYMENTS;
import static io.splitscope.metrics.preset.StreamingPreset.PLAYBACK;
import static io.splitscope.sql.WarehouseSchema.AMOUNT;
import static io.splitscope.sql.WarehouseSchema.REBUFFERS;
import static io.splitscope.sql.WarehouseSchema.STARTUP_MS;
import static io.splitscope.sql.WarehouseSchema.WATCH_SECONDS;

import io.splitscope.metrics.Metric;
import io.splitscope.metrics.UnitValue;
import io.splitscope.metrics.catalog.MetricCatalog;
import io.splitscope.metrics.Window;
import java.time.Duration;
import java.util.List;
import org.jooq.Field;

/** The standard metric catalog of {@code spec/metrics.md}, defined once, in code. */
public final class StandardMetrics implements MetricCatalog {

    private static final Window WEEK = Window.days(7);
    private static final Window FOUR_WEEKS = Window.days(28);
    private static final Field<Double> WATCH_HOURS = PLAYBACK.column(WATCH_SECONDS).div(3600.0);

    public static final Metric STREAMING_HOURS = Metric.define("streaming_hours")
            .title("Streaming hours")
            .description("Hours watched per member in the 7 days after first exposure: "
                    + "Σ `watch_seconds` / 3600 over the member's playback sessions that start in the window.")
            .from(PLAYBACK).mean(UnitValue.sum(WATCH_HOURS)).window(WEEK).unit("h").higherIsBetter().build();

    public static final Metric PLAYS_PER_MEMBER = Metric.define("plays_per_member")
            .title("Plays per member")
            .description("Playback sessions per member that start in the 7 days after first exposure.")
            .from(PLAYBACK).mean(UnitValue.count()).window(WEEK).unit("plays").higherIsBetter().build();

    public static final Metric ACTIVE_DAYS = Metric.define("active_days")
            .title("Active days")
            .description("Distinct UTC calendar days with at least one playback session, in the 7 days after "
                    + "first exposure.")
            .from(PLAYBACK).activeDays().window(WEEK).unit("days").higherIsBetter()
            .build();

    public static final Metric PLAY_RATE = Metric.define("play_rate")
            .title("Play rate")
            .description("Share of members with at least one playback session in the 7 days after first exposure.")
            .from(PLAYBACK).proportionWithAnyEvent().window(WEEK).higherIsBetter().build();

    public static final Metric REVENUE_PER_MEMBER = Metric.define("revenue_per_member")
            .title("Revenue per member")
            .description("Σ `amount` of the member's payments in the 28 days after first exposure.")
            .from(PAYMENTS).mean(UnitValue.sum(PAYMENTS.column(AMOUNT))).window(FOUR_WEEKS).currency("USD").higherIsBetter().build();

    public static final Metric CANCEL_RATE = Metric.define("cancel_rate")
            .title("Cancel rate")
            .description("Share of members who cancel in the 28 days after first exposure.")
            .from(CANCELLATIONS).proportionWithAnyEvent().window(FOUR_WEEKS).lowerIsBetter().guardrail().build();

    public static final Metric REBUFFER_RATE = Metric.define("rebuffer_rate")
            .title("Rebuffers per watch hour")
            .description("Σ `rebuffers` / Σ watch hours over the playback sessions in the 7 days after first "
                    + "exposure, summed over the variant's members (a ratio of sums, analysed with the delta method).")
            .from(PLAYBACK).ratio(UnitValue.sum(PLAYBACK.column(REBUFFERS)), UnitValue.sum(WATCH_HOURS))
            .window(WEEK).unit("rebuffers/h").lowerIsBetter().guardrail().build();

    public static final Metric STARTUP_MS_P50 = Metric.define("startup_ms_p50")
            .title("Startup time, median (ms)")
            .description("The 50th percentile of `startup_ms` over all playback sessions in the 7-day windows of "
                    + "the variant's members.")
            .from(PLAYBACK).quantile(PLAYBACK.column(STARTUP_MS), 0.5).window(WEEK).unit("ms").lowerIsBetter().guardrail().build();

    public static final Metric STARTUP_MS_P90 = Metric.define("startup_ms_p90")
            .title("Startup time, 90th percentile (ms)")
            .description("The 90th percentile of `startup_ms` over all playback sessions in the 7-day windows of "
                    + "the variant's members.")
            .from(PLAYBACK).quantile(PLAYBACK.column(STARTUP_MS), 0.9).window(WEEK).unit("ms").lowerIsBetter().guardrail().build();

    public static final Metric RETENTION_D7 = Metric.define("retention_d7")
            .title("Day-7 retention")
            .description("Share of members with a playback session on day 7 after first exposure: 7 to 8 days after it.")
            .from(PLAYBACK).retention(Duration.ofDays(7), Duration.ofDays(8)).higherIsBetter().build();

    /** The metrics of {@code spec/metrics.md}, then the examples of the later types ({@code spec/metric-types.md}). */
    @Override
    public List<Metric> metrics() {
        return List.of(STREAMING_HOURS, PLAYS_PER_MEMBER, ACTIVE_DAYS, PLAY_RATE, REVENUE_PER_MEMBER, CANCEL_RATE,
                REBUFFER_RATE, STARTUP_MS_P50, STARTUP_MS_P90, RETENTION_D7);
    }
}
