package io.splitscope.sql.duckdb;

import java.lang.management.ManagementFactory;

/**
 * How much memory the embedded DuckDB may use. DuckDB would take 80 % of the machine by default,
 * on top of the JVM's own heap; this leaves the heap its room and gives DuckDB most of the rest.
 * The system property {@code splitscope.duckdb.memory} (e.g. {@code 2GB}) overrides it.
 */
final class MemoryBudget {

    private static final long MIN_MEGABYTES = 512;

    private MemoryBudget() {
    }

    static String duckDbLimit() {
        String configured = System.getProperty("splitscope.duckdb.memory");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        long physical = physicalMemoryBytes();
        long heap = Runtime.getRuntime().maxMemory();
        long megabytes = Math.max(MIN_MEGABYTES, (long) ((physical - heap) * 0.6) >> 20);
        return megabytes + "MB";
    }

    private static long physicalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 4L << 30;
    }
}
