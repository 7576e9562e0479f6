package io.splitscope.metrics.project;

import java.util.List;
import org.jooq.QueryPart;

/**
 * An SQL expression of a project file ({@code value}, {@code filter}, a ratio's {@code numerator}
 * and {@code denominator}) compiled once by {@link SqlExpressions}: a jOOQ field or condition whose
 * column references are those of the source's rows ({@code "e"."status"}), so that it renders for
 * every engine.
 *
 * @param text    the expression as written
 * @param part    the compiled field or condition
 * @param columns the columns it refers to, as written, in order of first appearance
 */
public record SqlExpression<T extends QueryPart>(String text, T part, List<String> columns) {

    public SqlExpression {
        columns = List.copyOf(columns);
    }
}
