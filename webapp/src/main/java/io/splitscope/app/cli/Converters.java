package io.splitscope.app.cli;

import io.splitscope.analysis.MeanMethod;
import io.splitscope.sql.dialect.Dialects;
import io.splitscope.stats.ConfidenceLevel;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.jooq.SQLDialect;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How option values are read where picocli's own readers do not fit: whole numbers may group
 * their digits ({@code 200_000}), methods and dialects are read by their own parsers, whose
 * message names the known ones.
 */
final class Converters {

    private Converters() {
    }

    /** Registers the readers on a command line and its commands. */
    static void register(picocli.CommandLine commandLine) {
        commandLine.registerConverter(Long.class, Converters::wholeNumber);
        commandLine.registerConverter(long.class, Converters::wholeNumber);
        commandLine.registerConverter(MeanMethod.class, parsedBy(MeanMethod::parse));
        commandLine.registerConverter(ConfidenceLevel.class, parsedBy(ConfidenceLevel::parse));
        commandLine.registerConverter(SQLDialect.class, parsedBy(Dialects::forName));
        commandLine.registerConverter(LocalDate.class, Converters::date);
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a date like 2026-04-15");
        }
    }

    private static Long wholeNumber(String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
    }

    private static <T> ITypeConverter<T> parsedBy(Function<String, T> parser) {
        return value -> {
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
    }
}
