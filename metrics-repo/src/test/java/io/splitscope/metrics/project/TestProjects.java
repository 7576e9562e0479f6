package io.splitscope.metrics.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A small project for the tests: a folder warehouse of four CSV files and a valid
 * {@code splitscope.yaml}, whose lines the tests replace one by one to make each mistake.
 */
final class TestProjects {

    /** The valid project file; the line numbers matter to the tests' expected messages. */
    static final String VALID = """
            version: 2
            warehouse: ./data
            sources:
              assignments:
                table: assignment_log
                unit: user_id
                timestamp: assigned_at
              orders:
                table: orders
                unit: user_id
                timestamp: created_at
              users:
                table: users
                unit: id
            assignments:
              web:
                source: assignments
                experiment: experiment_key
                variant: variation
            dimensions:
              country: {source: users, column: country}
            experiments:
              checkout:
                assignment: web
                key: checkout-v2
                control: old
                variants: {old: 0.5, new: 0.5}
                start: 2026-05-01
                end: 2026-05-28
                metrics: [purchase_rate, revenue]
                segments: [country]
            metrics:
              purchase_rate:
                source: orders
                type: proportion
                filter: status = 'paid'
                window: 14d
              revenue:
                source: orders
                type: mean
                value: amount_cents / 100.0
                filter: status = 'paid'
                window: 14d
                cap: {quantile: 0.99}
              refund_rate:
                source: orders
                type: ratio
                numerator: {value: "case when status = 'refunded' then 1 else 0 end"}
                denominator: {aggregate: count}
                window: 14d
                direction: lower
            """;

    /** Users 1–6 in checkout-v2 (user 6 a crossover), users 7–8 in the undeclared banner test. */
    static final String ASSIGNMENT_LOG = """
            user_id,assigned_at,experiment_key,variation
            1,2026-05-01 09:00:00,checkout-v2,old
            2,2026-05-01 10:00:00,checkout-v2,new
            3,2026-05-02 11:00:00,checkout-v2,old
            3,2026-05-03 11:00:00,checkout-v2,old
            4,2026-05-02 12:00:00,checkout-v2,new
            5,2026-05-03 13:00:00,checkout-v2,new
            6,2026-05-03 14:00:00,checkout-v2,old
            6,2026-05-04 14:00:00,checkout-v2,new
            7,2026-06-01 08:00:00,banner,control
            8,2026-06-02 08:00:00,banner,big
            """;

    static final String ORDERS = """
            user_id,created_at,amount_cents,amount,status,group
            1,2026-05-02 10:00:00,1250,12.5,paid,x
            1,2026-05-03 10:00:00,990,9.9,refunded,y
            2,2026-05-02 10:00:00,500,5.0,paid,x
            4,2026-05-05 10:00:00,3000,30.0,pending,x
            """;

    static final String USERS = """
            id,country,plan
            1,de,free
            2,fr,pro
            3,de,pro
            4,us,free
            """;

    static final String VISITS = """
            visitor,visited_at,page
            v1,2026-05-02 10:00:00,home
            v2,2026-05-02 11:00:00,
            """;

    private TestProjects() {
    }

    /** Writes the warehouse and {@code yaml} into {@code folder}; returns the project file. */
    static Path write(Path folder, String yaml) {
        try {
            Path data = Files.createDirectories(folder.resolve("data"));
            for (Map.Entry<String, String> table : Map.of("assignment_log", ASSIGNMENT_LOG, "orders", ORDERS,
                    "users", USERS, "visits", VISITS).entrySet()) {
                Files.writeString(data.resolve(table.getKey() + ".csv"), table.getValue());
            }
            Path file = folder.resolve("splitscope.yaml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #VALID} with line {@code number} (1-based) replaced by {@code text} (indented as written). */
    static String withLine(String yaml, int number, String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(yaml.split("\n", -1)));
        lines.set(number - 1, text);
        return String.join("\n", lines);
    }

    /** {@link #VALID} with lines replaced: {@code number, text, number, text, ...}. */
    static String valid(Object... replacements) {
        String yaml = VALID;
        for (int i = 0; i < replacements.length; i += 2) {
            yaml = withLine(yaml, (Integer) replacements[i], (String) replacements[i + 1]);
        }
        return yaml;
    }
}
