package io.splitscope.sql;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Opens a warehouse from what users type after {@code --warehouse}, with the {@link WarehouseEngine}
 * that accepts it: a path (a folder of CSV or Parquet files, or a DuckDB file) opens the embedded
 * DuckDB; {@code jdbc:postgresql://host:port/database?user=…&password=…} PostgreSQL;
 * {@code jdbc:trino://host:port/catalog/schema?user=…} Trino. Other JDBC URLs are refused with a
 * one-line message that lists what is supported.
 */
public final class Warehouses {

    /**
     * Every engine of this module's class loader (the thread's may not see it, in the web app's
     * pool threads). Each accepts sources no other does: the embedded one takes any path, never a
     * JDBC URL.
     */
    private static final List<WarehouseEngine> ENGINES = ServiceLoader.load(WarehouseEngine.class,
            WarehouseEngine.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();

    private Warehouses() {
    }

    /**
     * @throws WarehouseException when the source cannot be opened, breaks the contract, or names an
     *                            engine Splitscope does not support
     */
    public static Warehouse open(String source) {
        return open(source, WarehouseSchema.TABLES);
    }

    /**
     * Opens {@code source} and checks the tables of {@code contract} (none for a project file's
     * warehouse, whose sources {@code splitscope check} checks).
     *
     * @throws WarehouseException when the source cannot be opened, breaks the contract, or names an
     *                            engine Splitscope does not support
     */
    public static Warehouse open(String source, List<WarehouseSchema.TableSpec> contract) {
        if (source == null || source.isBlank()) {
            throw new WarehouseException("no warehouse given: " + known());
        }
        return ENGINES.stream().filter(engine -> engine.opens(source)).findFirst()
                .orElseThrow(() -> new WarehouseException("unsupported warehouse URL " + JdbcUrls.redact(source)
                        + ": Splitscope reads " + known()))
                .open(source, contract);
    }

    private static boolean isJdbc(WarehouseEngine engine) {
        return engine instanceof JdbcUrlEngine;
    }

    /** The sources the engines take, the embedded one first: "a folder, a DuckDB file, jdbc:… or jdbc:…". */
    private static String known() {
        List<String> forms = Stream.concat(ENGINES.stream().filter(engine -> !isJdbc(engine)),
                ENGINES.stream().filter(Warehouses::isJdbc)).map(WarehouseEngine::sourceForm).toList();
        return forms.size() == 1 ? forms.getFirst()
                : String.join(", ", forms.subList(0, forms.size() - 1)) + " or " + forms.getLast();
    }
}
