package io.splitscope.sql.duckdb;

import io.splitscope.sql.dialect.SqlText;
import io.splitscope.sql.ContractCheck;
import io.splitscope.sql.WarehouseException;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import io.splitscope.sql.duckdb.TableSources.TableSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DataType;
import org.jooq.Field;

/**
 * Exposes each contract table of a warehouse under its contract name, with the contract's column
 * types, checking on the way that every table and column is there and every value has its type.
 */
final class ContractLoader {

    private final Connection connection;
    private final TableSources sources;

    ContractLoader(Connection connection, TableSources sources) {
        this.connection = connection;
        this.sources = sources;
    }

    void loadAll(java.util.List<TableSpec> contract) {
        for (TableSpec table : contract) {
            TableSource source = sources.find(table)
                    .orElseThrow(() -> ContractCheck.missingTable(table, sources.expectedLocation(table)));
            load(table, source);
        }
    }

    private void load(TableSpec table, TableSource source) {
        Map<String, String> sourceTypes = describe(table, source);
        String select = table.columns().stream()
                .map(column -> typedColumn(column, sourceTypes))
                .collect(Collectors.joining(", ", "SELECT ", " FROM " + source.relation()));
        String ddl = (source.materialise() ? "CREATE TABLE " : "CREATE VIEW ") + SqlText.identifier(table.name()) + " AS " + select;
        try (Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        } catch (SQLException e) {
            throw explainFailure(table, source, sourceTypes, e);
        }
        if (!source.materialise()) {
            // a view casts lazily: check now, not mid-analysis
            Optional<WarehouseException> bad = badValue(table, source, sourceTypes);
            if (bad.isPresent()) {
                throw bad.get();
            }
        }
    }

    /** The source's column names (lower case) and DuckDB types; names a missing column. */
    private Map<String, String> describe(TableSpec table, TableSource source) {
        Map<String, String> types = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM " + source.relation())) {
            while (rows.next()) {
                types.put(rows.getString("column_name").toLowerCase(Locale.ROOT), rows.getString("column_type"));
            }
        } catch (SQLException e) {
            throw csvProblem(table, source).orElseGet(() -> new WarehouseException("table " + table.name() + " ("
                    + source.label() + ") cannot be read: " + ContractCheck.firstLine(e.getMessage()), e));
        }
        try {
            ContractCheck.requireColumns(table, source.label(), types.keySet());
        } catch (WarehouseException missing) {
            // DuckDB may take a row longer than the header for the header: name that row instead
            throw csvProblem(table, source).orElse(missing);
        }
        return types;
    }

    /** What {@link CsvDiagnosis} finds wrong with the source's CSV file, if it is one. */
    private static Optional<WarehouseException> csvProblem(TableSpec table, TableSource source) {
        return source.csvFile().flatMap(file -> CsvDiagnosis.explain(table.name(), file));
    }

    private static String typedColumn(Field<?> column, Map<String, String> sourceTypes) {
        String target = duckDbType(column.getDataType());
        String name = SqlText.identifier(column.getName());
        return target.equalsIgnoreCase(sourceTypes.get(column.getName())) ? name : "CAST(" + name + " AS " + target + ") AS " + name;
    }

    /** The first value that does not cast to its contract type, as {@link ContractCheck#badValue}, scanning column by column. */
    private Optional<WarehouseException> badValue(TableSpec table, TableSource source, Map<String, String> sourceTypes) {
        for (Field<?> column : table.columns()) {
            String target = duckDbType(column.getDataType());
            if (!target.equalsIgnoreCase(sourceTypes.get(column.getName()))) {
                Optional<String> bad = firstBadValue(source, column, target);
                if (bad.isPresent()) {
                    return Optional.of(ContractCheck.badValue(table, source.label(), column, bad.get()));
                }
            }
        }
        return Optional.empty();
    }

    private WarehouseException explainFailure(TableSpec table, TableSource source, Map<String, String> sourceTypes,
                                              SQLException failure) {
        Optional<WarehouseException> csv = csvProblem(table, source);
        if (csv.isPresent()) {
            return csv.get();
        }
        return badValue(table, source, sourceTypes).orElseGet(() -> new WarehouseException("table " + table.name()
                + " (" + source.label() + ") cannot be loaded: " + ContractCheck.firstLine(failure.getMessage()), failure));
    }

    private Optional<String> firstBadValue(TableSource source, Field<?> column, String target) {
        String name = SqlText.identifier(column.getName());
        String sql = "SELECT CAST(" + name + " AS VARCHAR) FROM " + source.relation() + " WHERE " + name
                + " IS NOT NULL AND TRY_CAST(" + name + " AS " + target + ") IS NULL LIMIT 1";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new WarehouseException("column " + column.getName() + " of " + source.label() + " cannot be checked: "
                    + ContractCheck.firstLine(e.getMessage()), e);
        }
    }

    /** DuckDB's own name of a contract type, as {@code DESCRIBE} reports it. */
    private static String duckDbType(DataType<?> type) {
        Class<?> javaType = type.getType();
        if (javaType == Long.class) {
            return "BIGINT";
        } else if (javaType == Integer.class) {
            return "INTEGER";
        } else if (javaType == Double.class) {
            return "DOUBLE";
        } else if (javaType == String.class) {
            return "VARCHAR";
        } else if (javaType == java.time.LocalDate.class) {
            return "DATE";
        } else if (javaType == java.time.LocalDateTime.class) {
            return "TIMESTAMP";
        }
        throw new IllegalStateException("no DuckDB type for the contract type " + type);
    }
}
