package io.splitscope.metrics.project;

import io.splitscope.metrics.Source;
import io.splitscope.metrics.UnitFilter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.AggregateFunction;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Parser;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.TableField;
import org.jooq.VisitContext;
import org.jooq.VisitListener;
import org.jooq.conf.ParseNameCase;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultVisitListenerProvider;
import org.jooq.impl.ParserException;
import org.jooq.impl.QOM;
import org.jooq.impl.SQLDataType;

/**
 * Compiles the SQL expressions of a project file ({@code spec/project.md}, "Expressions"): parsed
 * once with jOOQ's parser into a dialect-free tree, every column reference then made one of the
 * source's rows ({@code DSL.field(DSL.name("e", column))}, quoted as written, so that {@code group}
 * or {@code timestamp} are valid columns), or in a unit filter one of the unit's attributes
 * ({@link Columns#UNIT_ATTRIBUTES}), and every {@code a / b} a division of doubles
 * ({@code cast(a as double) / b}), the same on DuckDB, PostgreSQL and Trino. Functions jOOQ does not
 * know pass through by name.
 *
 * <p>jOOQ's {@code $replace}/{@code $traverse} model API is not part of its open-source edition
 * (3.21), so the rewrite is done by a {@link VisitListener} while the parsed tree is rendered in
 * jOOQ's neutral dialect, and that rendering, in which every column is qualified, is parsed back
 * into the final tree. The user's text is parsed once; the second parse reads jOOQ's own output.
 *
 * <p>Refused, as mistakes of the project file: syntax errors, qualified columns ({@code o.amount}),
 * subqueries and aggregate functions (a metric aggregates per unit with {@code aggregate}).
 */
public final class SqlExpressions {

    private static final Settings SETTINGS = new Settings()
            .withParseUnknownFunctions(ParseUnknownFunctions.IGNORE)
            .withParseNameCase(ParseNameCase.AS_IS);
    private static final DSLContext DEFAULT = DSL.using(SQLDialect.DEFAULT, SETTINGS);

    private SqlExpressions() {
    }

    /** A mistake in an expression, at {@link #line()} of its text (1-based). */
    public static final class InvalidExpression extends IllegalArgumentException {
        private final int line;

        InvalidExpression(String message, int line) {
            super(message);
            this.line = line;
        }

        /** The line of the expression's text where the mistake is (1 for a one-line expression). */
        public int line() {
            return line;
        }
    }

    /** What the column names of an expression name, and the table alias they are qualified with. */
    public enum Columns {
        /** Columns of the metric's source, on its rows ({@value Source#EVENTS_ALIAS}). */
        SOURCE_ROWS(Source.EVENTS_ALIAS, "a column of the source"),
        /** Declared dimensions, joined per unit ({@link io.splitscope.metrics.Dimension#attribute()}). */
        UNIT_ATTRIBUTES(UnitFilter.ATTRIBUTES, "a dimension");

        private final String alias;
        private final String named;

        Columns(String alias, String named) {
            this.alias = alias;
            this.named = named;
        }
    }

    /**
     * A value expression ({@code amount_cents / 100.0}).
     *
     * @throws InvalidExpression naming the mistake
     */
    public static SqlExpression<Field<?>> field(String text) {
        Parser parser = DEFAULT.parser();
        Field<?> parsed = parse(text, () -> parser.parseField(text));
        Rewrite rewrite = rewrite(parsed, Columns.SOURCE_ROWS);
        return new SqlExpression<>(text, reparse(() -> DEFAULT.parser().parseField(rewrite.sql)), rewrite.columns);
    }

    /**
     * A row filter ({@code status = 'paid' and amount > 0}); a boolean column alone is one too.
     *
     * @throws InvalidExpression naming the mistake
     */
    public static SqlExpression<Condition> condition(String text) {
        return condition(text, Columns.SOURCE_ROWS);
    }

    /**
     * A condition whose column names name {@code columns}: a unit filter's over the dimensions
     * ({@code country in ('DE', 'FR')}) with {@link Columns#UNIT_ATTRIBUTES}.
     *
     * @throws InvalidExpression naming the mistake
     */
    public static SqlExpression<Condition> condition(String text, Columns columns) {
        Parser parser = DEFAULT.parser();
        Condition parsed = parse(text, () -> parser.parseCondition(text));
        Rewrite rewrite = rewrite(parsed, columns);
        return new SqlExpression<>(text, reparse(() -> DEFAULT.parser().parseCondition(rewrite.sql)), rewrite.columns);
    }

    private static <T> T parse(String text, java.util.function.Supplier<T> parse) {
        if (text == null || text.isBlank()) {
            throw new InvalidExpression("the expression is empty", 1);
        }
        try {
            return parse.get();
        } catch (ParserException e) {
            String message = e.getMessage();
            int detail = message.indexOf(": [");
            String problem = detail < 0 ? message : message.substring(0, detail);
            throw new InvalidExpression("not valid SQL: " + problem + " at column " + e.column() + " of \""
                    + text.strip().replaceAll("\\s*\\R\\s*", " ") + "\"", Math.max(1, e.line()));
        }
    }

    private static <T> T reparse(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ParserException e) {
            throw new IllegalStateException("jOOQ cannot read back its own rendering of an expression: " + e.getMessage(), e);
        }
    }

    private record Rewrite(String sql, List<String> columns) {
    }

    private static Rewrite rewrite(QueryPart parsed, Columns named) {
        Qualifier qualifier = new Qualifier(named);
        Configuration configuration = new DefaultConfiguration().set(SQLDialect.DEFAULT).set(SETTINGS)
                .set(new DefaultVisitListenerProvider(qualifier));
        String sql = DSL.using(configuration).renderInlined(parsed);
        if (!qualifier.problems.isEmpty()) {
            throw new InvalidExpression(qualifier.problems.getFirst(), 1);
        }
        return new Rewrite(sql, List.copyOf(qualifier.columns));
    }

    /** Qualifies column references and casts dividends while a parsed expression renders; notes what is refused. */
    private static final class Qualifier implements VisitListener {
        private final Columns named;
        private final Set<String> columns = new LinkedHashSet<>();
        private final List<String> problems = new ArrayList<>();
        private final Set<QueryPart> replacements = Collections.newSetFromMap(new IdentityHashMap<>());

        Qualifier(Columns named) {
            this.named = named;
        }

        @Override
        public void visitStart(VisitContext context) {
            QueryPart part = context.queryPart();
            if (part == null || replacements.contains(part)) {
                return;
            }
            switch (part) {
                case TableField<?, ?> column -> {
                    if (column.getQualifiedName().qualified()) {
                        problems.add("qualified column '" + column.getQualifiedName() + "': name " + named.named + " alone");
                        return;
                    }
                    columns.add(column.getName());
                    replace(context, DSL.field(DSL.name(named.alias, column.getName())));
                }
                case QOM.Div<?> division when !isDoubleCast(division.$arg1()) -> {
                    @SuppressWarnings("unchecked")
                    Field<Number> divisor = (Field<Number>) division.$arg2();
                    replace(context, division.$arg1().cast(SQLDataType.DOUBLE).div(divisor));
                }
                case Select<?> select -> problems.add("a subquery is not allowed in an expression (a sql: source can join other tables)");
                case AggregateFunction<?> aggregate -> problems.add("aggregate function " + aggregate.getName()
                        + " is not allowed in a row expression: a metric aggregates per unit with 'aggregate'");
                default -> {
                }
            }
        }

        private void replace(VisitContext context, QueryPart replacement) {
            replacements.add(replacement);
            context.queryPart(replacement);
        }

        private static boolean isDoubleCast(Field<?> field) {
            return field instanceof QOM.Cast<?> cast && cast.$dataType().getSQLDataType() == SQLDataType.DOUBLE;
        }
    }
}
