package io.splitscope.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A project whose experiments cannot be compared yet, written as real CSV files and a
 * {@code splitscope.yaml} into a folder: {@code no_exposures} is declared but has no row in the
 * assignment log, {@code single} is discovered from the log with one variant only, and
 * {@code one_arm} is declared with two variants but every unit in {@code control}. The counts in
 * the tests are those of these rows: one_arm has u1, u2, u3 (3 units, all control), single has u4
 * and u5 (2 units).
 */
public final class WaitingProject {

    /** The project file's name in the folder. */
    public static final String FILE = "splitscope.yaml";

    private static final String ASSIGNMENTS = """
            user_id,experiment,variant,assigned_at
            u1,one_arm,control,2026-05-02 10:00:00
            u2,one_arm,control,2026-05-02 11:00:00
            u3,one_arm,control,2026-05-03 11:00:00
            u4,single,control,2026-05-02 10:00:00
            u5,single,control,2026-05-02 11:00:00
            """;

    private static final String ORDERS = """
            user_id,created_at,amount
            u1,2026-05-02 12:00:00,10.0
            u2,2026-05-04 12:00:00,20.0
            u4,2026-05-04 12:00:00,5.0
            """;

    private static final String PROJECT = """
            version: 2
            warehouse: ./data
            sources:
              assignments: {table: assignment_log, unit: user_id, timestamp: assigned_at}
              orders: {table: orders, unit: user_id, timestamp: created_at}
            assignments:
              web: {source: assignments, experiment: experiment, variant: variant}
            experiments:
              no_exposures: {title: Declared but not exposed yet, owner: growth, assignment: web, control: control,
                             variants: [control, treatment], start: 2026-05-01, end: 2026-05-28}
              one_arm: {title: Every unit in the control, owner: growth, assignment: web, control: control,
                        variants: [control, treatment], start: 2026-05-01, end: 2026-05-28}
            metrics:
              revenue: {source: orders, type: mean, value: amount, window: 7d}
              buyers: {source: orders, type: proportion, window: 7d}
            """;

    private WaitingProject() {
    }

    /** Writes the project into {@code folder}; returns its project file. */
    public static Path writeTo(Path folder) {
        try {
            Path data = Files.createDirectories(folder.resolve("data"));
            Files.writeString(data.resolve("assignment_log.csv"), ASSIGNMENTS);
            Files.writeString(data.resolve("orders.csv"), ORDERS);
            return Files.writeString(folder.resolve(FILE), PROJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
