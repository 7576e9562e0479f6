package io.splitscope.analysis.results;

import io.splitscope.stats.decision.Recommendation;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The team's conclusion of an experiment: the decision taken, in the words of the decision rule's
 * recommendations ({@link Recommendation}: ship a variant, roll back, keep running, don't ship),
 * and why, in a few sentences.
 *
 * @param decision what the team decided; never {@link Recommendation#UNHEALTHY} (that is a state of the data, not a decision)
 * @param variant  the variant shipped, for {@link Recommendation#SHIP} only (null otherwise)
 * @param text     why, 1 to {@value #MAX_TEXT} characters
 */
public record Conclusion(Recommendation decision, String variant, String text) {

    /** The longest text kept. */
    public static final int MAX_TEXT = 2000;
    /** The decisions a team takes: the rule's recommendations but "fix the data first", which is no decision. */
    public static final List<Recommendation> DECISIONS = Arrays.stream(Recommendation.values())
            .filter(r -> r != Recommendation.UNHEALTHY).toList();

    /** @throws IllegalArgumentException with a one-line message when a part is missing or does not fit */
    public Conclusion {
        Objects.requireNonNull(decision, "decision");
        if (!DECISIONS.contains(decision)) {
            throw new IllegalArgumentException("a conclusion's decision is " + known() + ", not " + decision.id());
        }
        variant = variant == null || variant.isBlank() ? null : variant.strip();
        if (decision == Recommendation.SHIP && variant == null) {
            throw new IllegalArgumentException("a conclusion to ship names the variant shipped");
        }
        if (decision != Recommendation.SHIP) {
            variant = null;
        }
        text = RecordTexts.check("conclusion", text, MAX_TEXT);
    }

    /** The decision as a product manager reads it: {@code Ship price_up_1}, {@code Roll back}, {@code Keep running}, {@code Don't ship}. */
    public String headline() {
        return decision == Recommendation.SHIP ? "Ship " + variant : decision.headline();
    }

    /**
     * The decision an id names ({@code ship}, {@code roll_back}, {@code keep_running}, {@code no_ship}).
     *
     * @throws IllegalArgumentException naming the known ids when {@code id} is none of them
     */
    public static Recommendation decision(String id) {
        return DECISIONS.stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown decision '" + id + "' (use " + known() + ")"));
    }

    private static String known() {
        return DECISIONS.stream().map(Recommendation::id).collect(Collectors.joining(", "));
    }
}
