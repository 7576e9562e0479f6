package io.splitscope.sql.dialect;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Identifiers and string literals for the few statements Splitscope writes as text (DDL of the
 * embedded warehouse and the generators, the loaders' statements), quoted by jOOQ rather than by
 * hand: {@code "group"}, {@code 'it''s'}. The one way text SQL is quoted; queries are built with
 * jOOQ and rendered by a warehouse's {@code dsl()}. The rules are standard SQL's, the same on
 * DuckDB, PostgreSQL and Trino.
 */
public final class SqlText {

    private static final DSLContext DSL_CONTEXT =
            DSL.using(SQLDialect.DUCKDB, new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));

    private SqlText() {
    }

    /** {@code name} as a quoted identifier: {@code "a ""b"""}. */
    public static String identifier(String name) {
        return DSL_CONTEXT.render(DSL.name(name));
    }

    /** {@code value} as a string literal: {@code 'it''s'}. */
    public static String literal(String value) {
        return DSL_CONTEXT.renderInlined(DSL.inline(value));
    }
}
