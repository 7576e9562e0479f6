package io.splitscope.metrics.query;

/** The time axis of a cumulative series. */
public enum SeriesAxis {
    /**
     * Step k (1 … window length): each unit whose first k days have elapsed, with its events in
     * those k days — how an effect builds up or fades with exposure (novelty, learning).
     */
    DAYS_SINCE_EXPOSURE,
    /**
     * Step d (0 … end − start, in days from the start date): each unit first exposed by the end
     * of that day, with its events in its window up to then — the results as they stood each day.
     */
    CALENDAR_DATE
}
