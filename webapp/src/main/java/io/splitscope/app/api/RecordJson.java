package io.splitscope.app.api;

import io.splitscope.analysis.results.Conclusion;
import io.splitscope.analysis.results.ExperimentRecord;
import io.splitscope.analysis.results.RecordStatus;
import io.splitscope.analysis.results.Signed;
import io.splitscope.app.results.RecordChanges;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The team's record of an experiment in the REST API, written and read:
 * {@code {"status": "decided", "status_source": "team", "status_set_by": "analyst", "status_set_at": "…",
 * "conclusion": {"decision": "ship", "variant": "price_up_1", "headline": "Ship price_up_1", "text": "…",
 * "written_by": "analyst", "written_at": "…"}, "tags": ["pricing"], "notes": [{"text": "…", "written_by": "…",
 * "written_at": "…"}]}} — {@code status_source} {@code dates} (and no {@code status_set_*}) while the
 * team has set no status; {@code conclusion} null while none is written; notes newest first.
 */
final class RecordJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RecordJson() {
    }

    /** Puts the record into {@code node}. */
    static ObjectNode write(ObjectNode node, ExperimentRecord record, RecordStatus byDates) {
        node.put("status", record.teamStatus().map(Signed::value).orElse(byDates).id());
        node.put("status_source", record.teamStatus().isPresent() ? "team" : "dates");
        record.teamStatus().ifPresent(status -> node.put("status_set_by", status.by()).put("status_set_at", status.at().toString()));
        record.teamConclusion().ifPresentOrElse(signed -> {
            Conclusion conclusion = signed.value();
            node.putObject("conclusion").put("decision", conclusion.decision().id()).put("variant", conclusion.variant())
                    .put("headline", conclusion.headline()).put("text", conclusion.text())
                    .put("written_by", signed.by()).put("written_at", signed.at().toString());
        }, () -> node.putNull("conclusion"));
        ArrayNode tags = node.putArray("tags");
        record.tags().forEach(tags::add);
        ArrayNode notes = node.putArray("notes");
        record.notes().forEach(note -> notes.addObject().put("text", note.value()).put("written_by", note.by())
                .put("written_at", note.at().toString()));
        return node;
    }

    /** The record as a JSON document. */
    static String write(ExperimentRecord record, RecordStatus byDates) {
        return JSON.writeValueAsString(write(JSON.createObjectNode(), record, byDates));
    }

    /**
     * The changes a {@code PUT} body asks for: {@code status}, {@code conclusion} ({@code decision},
     * {@code variant} for ship, {@code text}), {@code tags}; each optional.
     *
     * @throws IllegalArgumentException with a one-line message when the body is not such an object
     */
    static RecordChanges changes(String body) {
        JsonNode node = object(body);
        for (String name : node.propertyNames()) {
            if (!List.of("status", "conclusion", "tags").contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "' (a record has status, conclusion, tags;"
                        + " notes are added with POST …/record/notes)");
            }
        }
        RecordStatus status = node.hasNonNull("status") ? RecordStatus.parse(text(node.get("status"), "status")) : null;
        Conclusion conclusion = null;
        if (node.hasNonNull("conclusion")) {
            JsonNode c = node.get("conclusion");
            if (!c.isObject()) {
                throw new IllegalArgumentException("conclusion must be an object with decision, variant (for ship) and text");
            }
            conclusion = new Conclusion(Conclusion.decision(text(c.get("decision"), "conclusion.decision")),
                    c.hasNonNull("variant") ? text(c.get("variant"), "conclusion.variant") : null,
                    c.hasNonNull("text") ? text(c.get("text"), "conclusion.text") : "");
        }
        List<String> tags = null;
        if (node.hasNonNull("tags")) {
            if (!node.get("tags").isArray()) {
                throw new IllegalArgumentException("tags must be an array of strings");
            }
            tags = new ArrayList<>();
            for (JsonNode tag : node.get("tags")) {
                tags.add(text(tag, "a tag"));
            }
        }
        return new RecordChanges(status, conclusion, tags, null);
    }

    /** The note a {@code POST …/notes} body adds: {@code {"text": "…"}}. */
    static RecordChanges note(String body) {
        JsonNode node = object(body);
        return RecordChanges.note(node.hasNonNull("text") ? text(node.get("text"), "text") : "");
    }

    private static JsonNode object(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return node;
    }

    private static String text(JsonNode node, String what) {
        if (node == null || !node.isString()) {
            throw new IllegalArgumentException(what + " must be a string");
        }
        return node.asString();
    }
}
