package io.splitscope.sql;

import io.splitscope.sql.WarehouseSchema.TableSpec;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * An engine reached by JDBC URLs of one scheme, e.g. {@code jdbc:postgresql:}, opened by its
 * warehouse's {@code open(url, contract)}. An engine is a subclass with a public no-argument
 * constructor, for {@link java.util.ServiceLoader}.
 */
public abstract class JdbcUrlEngine implements WarehouseEngine {

    private final String prefix;
    private final String sourceForm;
    private final BiFunction<String, List<TableSpec>, ? extends Warehouse> opener;

    /**
     * @param scheme     the URL's scheme after {@code jdbc:}, e.g. {@code postgresql}
     * @param sourceForm what users type, for messages, e.g. {@code jdbc:postgresql://host:port/database}
     * @param opener     opens a URL of the scheme and checks the contract's tables
     */
    protected JdbcUrlEngine(String scheme, String sourceForm,
                            BiFunction<String, List<TableSpec>, ? extends Warehouse> opener) {
        this.prefix = "jdbc:" + scheme + ":";
        this.sourceForm = sourceForm;
        this.opener = opener;
    }

    @Override
    public final String sourceForm() {
        return sourceForm;
    }

    @Override
    public final boolean opens(String source) {
        return source.toLowerCase(Locale.ROOT).startsWith(prefix);
    }

    @Override
    public final Warehouse open(String source, List<TableSpec> contract) {
        return opener.apply(source, contract);
    }
}
