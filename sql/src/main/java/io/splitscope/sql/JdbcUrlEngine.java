package io.splitscope.sql;

import java.util.Locale;

/** An engine reached by JDBC URLs of one scheme, e.g. {@code jdbc:postgresql:}. */
public abstract class JdbcUrlEngine implements WarehouseEngine {

    private final String prefix;
    private final String sourceForm;

    /**
     * @param scheme     the URL's scheme after {@code jdbc:}, e.g. {@code postgresql}
     * @param sourceForm what users type, for messages, e.g. {@code jdbc:postgresql://host:port/database}
     */
    protected JdbcUrlEngine(String scheme, String sourceForm) {
        this.prefix = "jdbc:" + scheme + ":";
        this.sourceForm = sourceForm;
    }

    @Override
    public final String sourceForm() {
        return sourceForm;
    }

    @Override
    public final boolean opens(String source) {
        return source.toLowerCase(Locale.ROOT).startsWith(prefix);
    }
}
