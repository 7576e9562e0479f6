package io.splitscope.metrics;

/** Which way a metric should move for a change to count as an improvement. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    /** The name in JSON and CSV: {@code higher_is_better} or {@code lower_is_better}. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The direction whose {@link #jsonName()} is {@code name}.
     *
     * @throws IllegalArgumentException naming the known directions, for any other name
     */
    public static Direction fromJsonName(String name) {
        for (Direction direction : values()) {
            if (direction.jsonName().equals(name)) {
                return direction;
            }
        }
        throw new IllegalArgumentException("unknown direction '" + name + "' (known: "
                + java.util.Arrays.stream(values()).map(Direction::jsonName).toList() + ")");
    }
}
