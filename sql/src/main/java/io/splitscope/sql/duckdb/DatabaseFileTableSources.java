package io.splitscope.sql.duckdb;

import io.splitscope.sql.dialect.SqlText;
import io.splitscope.sql.ContractCheck;
import io.splitscope.sql.WarehouseException;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The tables of a DuckDB database file, attached read-only so analysis never writes to it. */
record DatabaseFileTableSources(Path file, Set<String> tables) implements TableSources {

    private static final String CATALOG = "source";

    static DatabaseFileTableSources attach(Connection connection, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ATTACH " + SqlText.literal(absolute.toString()) + " AS " + CATALOG + " (READ_ONLY)");
        } catch (SQLException e) {
            throw new WarehouseException("cannot open " + absolute + " as a DuckDB database: "
                    + ContractCheck.firstLine(e.getMessage()), e);
        }
        return new DatabaseFileTableSources(absolute, tableNames(connection));
    }

    private static Set<String> tableNames(Connection connection) {
        Set<String> names = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_catalog = ? AND table_schema = 'main'")) {
            statement.setString(1, CATALOG);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot list the tables of " + CATALOG + ": " + e.getMessage(), e);
        }
        return names;
    }

    @Override
    public Optional<TableSource> find(TableSpec table) {
        return tables.contains(table.name())
                ? Optional.of(new TableSource(CATALOG + ".main." + table.name(), file.getFileName() + ":" + table.name(), Optional.empty()))
                : Optional.empty();
    }

    /** Makes the attached database the default one, so that its tables answer to their own names. */
    @Override
    public void exposeAll(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("USE " + CATALOG);
        } catch (SQLException e) {
            throw new WarehouseException("cannot use " + file + ": " + ContractCheck.firstLine(e.getMessage()), e);
        }
    }

    @Override
    public String expectedLocation(TableSpec table) {
        return "a table named " + table.name() + " in " + file;
    }
}
