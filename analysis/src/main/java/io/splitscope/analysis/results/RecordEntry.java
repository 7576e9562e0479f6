package io.splitscope.analysis.results;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One change to an experiment's record, as the results store keeps it (table
 * {@code experiment_records}, every change kept): a status set, a conclusion written, the tags
 * replaced or a note added, with who and when. {@link ExperimentRecord#with} applies it.
 *
 * @param experimentId the experiment
 * @param kind         what changed
 * @param value        the new value as text: the status id, the conclusion as JSON
 *                     ({@code {"decision": "ship", "variant": "B", "text": "…"}}), the tags as a JSON
 *                     array, the note's text
 * @param writtenBy    who changed it
 * @param writtenAt    when
 */
public record RecordEntry(String experimentId, Kind kind, String value, String writtenBy, Instant writtenAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What an entry changes. */
    public enum Kind {
        /** The status ({@link RecordStatus}). */
        STATUS,
        /** The conclusion ({@link Conclusion}). */
        CONCLUSION,
        /** The tags, all of them at once. */
        TAGS,
        /** A note added. */
        NOTE;

        /** The word in the store and the audit log: {@code status}, {@code conclusion}, {@code tags}, {@code note}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind an id names; {@link IllegalArgumentException} for another. */
        public static Kind parse(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    public RecordEntry {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(writtenBy, "writtenBy");
        Objects.requireNonNull(writtenAt, "writtenAt");
    }

    /** Sets the status. */
    public static RecordEntry status(String experimentId, RecordStatus status, String by, Instant at) {
        return new RecordEntry(experimentId, Kind.STATUS, status.id(), by, at);
    }

    /** Writes the conclusion. */
    public static RecordEntry conclusion(String experimentId, Conclusion conclusion, String by, Instant at) {
        ObjectNode node = JSON.createObjectNode();
        node.put("decision", conclusion.decision().id());
        node.put("variant", conclusion.variant());
        node.put("text", conclusion.text());
        return new RecordEntry(experimentId, Kind.CONCLUSION, JSON.writeValueAsString(node), by, at);
    }

    /** Replaces the tags (checked: see {@link ExperimentRecord}). */
    public static RecordEntry tags(String experimentId, List<String> tags, String by, Instant at) {
        return new RecordEntry(experimentId, Kind.TAGS, JSON.writeValueAsString(RecordTexts.tags(tags)), by, at);
    }

    /** Adds a note (checked: not blank, at most {@value ExperimentRecord#MAX_NOTE} characters). */
    public static RecordEntry note(String experimentId, String text, String by, Instant at) {
        return new RecordEntry(experimentId, Kind.NOTE, RecordTexts.check("note", text, ExperimentRecord.MAX_NOTE), by, at);
    }

    /** The status this entry sets; {@link IllegalArgumentException} unless it is one. */
    RecordStatus statusValue() {
        return RecordStatus.parse(value);
    }

    /** The conclusion this entry writes; {@link IllegalArgumentException} unless it is one. */
    Conclusion conclusionValue() {
        JsonNode node = parse();
        return new Conclusion(Conclusion.decision(node.path("decision").asString("")),
                node.path("variant").isNull() ? null : node.path("variant").asString(null), node.path("text").asString(""));
    }

    /** The tags this entry sets, checked; {@link IllegalArgumentException} unless they are tags. */
    List<String> tagsValue() {
        JsonNode node = parse();
        if (!node.isArray()) {
            throw new IllegalArgumentException("the tags are not a JSON array: " + value);
        }
        return RecordTexts.tags(node.valueStream().map(tag -> tag.asString("")).toList());
    }

    private JsonNode parse() {
        try {
            return JSON.readTree(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
    }
}
