package io.splitscope.analysis.results;

import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.json.ScorecardDocument;
import io.splitscope.analysis.json.ScorecardJson;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A {@link Scorecard} as the results store keeps it: {@code {"format": 4, "scorecard": ...}}, the
 * scorecard being its {@link ScorecardDocument} in the stored form of {@link ScorecardJson} (the
 * public document with the experiment as it was, the query log, which query served each metric,
 * and each row's metric title and inputs), so that {@link #decode} gives back a record equal to the
 * one {@link #encode}d. Documents of the earlier formats are still read
 * ({@link EarlierScorecardDocument}); a document this codec cannot read fails loudly, and the store
 * then treats the row as absent.
 */
final class ScorecardCodec {

    /** The version of the document; bump it when the layout changes. */
    static final int FORMAT = 4;

    /** The versions before {@link #FORMAT}, still read: see {@link EarlierScorecardDocument}. */
    static final List<Integer> PREVIOUS_FORMATS = List.of(1, 2, 3);

    /** What the store keeps: the format, and the scorecard. */
    record Stored(int format, ScorecardDocument scorecard) {
    }

    private ScorecardCodec() {
    }

    static String encode(Scorecard scorecard) {
        return ScorecardJson.STORED.writeValueAsString(new Stored(FORMAT, ScorecardDocument.of(scorecard)));
    }

    /**
     * @throws IllegalArgumentException when the document is not one this codec wrote
     */
    static Scorecard decode(String json) {
        try {
            JsonNode root = ScorecardJson.STORED.readTree(json);
            int format = root.path("format").asInt(-1);
            if (format == FORMAT) {
                return ScorecardJson.STORED.treeToValue(root, Stored.class).scorecard().toScorecard();
            }
            if (PREVIOUS_FORMATS.contains(format)) {
                return ScorecardJson.STORED.treeToValue(root, EarlierScorecardDocument.class).toScorecard();
            }
            throw new IllegalArgumentException("stored scorecard format " + format + ", this version reads "
                    + PREVIOUS_FORMATS + " and " + FORMAT);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // Jackson's own message without the location lines it appends
            String problem = e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("unreadable stored scorecard: " + problem, e);
        }
    }
}
