package io.splitscope.analysis.json;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import io.splitscope.analysis.Scorecard;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The two JSON forms of a {@link ScorecardDocument}: the public document of
 * {@code spec/scorecard.md} ({@link #write}), indented, with {@code null} for values that do not
 * exist and for non-finite ones, which JSON cannot hold; and the results store's form
 * ({@link #STORED}), which keeps every part and every number, non-finite ones as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
 */
public final class ScorecardJson {

    private static final JsonMapper PUBLIC = mapper()
            .addModule(new SimpleModule("non-finite as null")
                    .addSerializer(Double.class, NonFiniteAsNull.INSTANCE)
                    .addSerializer(Double.TYPE, NonFiniteAsNull.INSTANCE))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final ObjectWriter PUBLIC_WRITER = PUBLIC.writerWithView(ScorecardDocument.Public.class);

    /**
     * The mapper of the results store's form: a {@link ScorecardDocument} with the fields of every
     * view, a row's extras as one {@code extras} object ({@link ExtrasAsOneObject}); a field it does
     * not know fails the read.
     */
    public static final JsonMapper STORED = mapper()
            .addMixIn(ResultPart.class, ExtrasAsOneObject.class)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ScorecardJson() {
    }

    /** The public document of {@code scorecard}, ending with a line separator. */
    public static String write(Scorecard scorecard) {
        return writePublic(ScorecardDocument.of(scorecard));
    }

    /** The public document of {@code scorecard} as a tree. */
    public static JsonNode tree(Scorecard scorecard) {
        return PUBLIC.readTree(write(scorecard));
    }

    /** A document made of {@link ResultPart}s (and other parts) as the public document writes them. */
    static String writePublic(Object document) {
        return PUBLIC_WRITER.writeValueAsString(document) + System.lineSeparator();
    }

    private static JsonMapper.Builder mapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                // fields outside the Stored view are in every view
                .enable(MapperFeature.DEFAULT_VIEW_INCLUSION);
    }

    /**
     * A row's extras in the stored form: the {@code extras} field itself rather than fields of the
     * row, so that reading them needs no any-setter (Jackson 3.1 hands a record's any-setter its
     * entries in reverse order, databind#5353, fixed in 3.2) and a field the row does not know
     * fails the read instead of passing for an extra.
     */
    private abstract static class ExtrasAsOneObject {

        @JsonAnyGetter(enabled = false)
        Map<String, Double> extras;

        @JsonAnyGetter(enabled = false)
        abstract Map<String, Double> extras();
    }

    /** A double as a JSON number, or {@code null} when it is NaN or infinite. */
    private static final class NonFiniteAsNull extends StdSerializer<Double> {

        static final NonFiniteAsNull INSTANCE = new NonFiniteAsNull();

        private NonFiniteAsNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializationContext context) {
            if (Double.isFinite(value)) {
                generator.writeNumber(value.doubleValue());
            } else {
                generator.writeNull();
            }
        }
    }
}
