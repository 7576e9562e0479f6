package io.splitscope.app.web.scorecard;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.MethodDescription;

/**
 * What a comparison method does, as the explain dialog and the method picker show it: its name
 * and description come from the method itself ({@link ComparisonMethod#title()},
 * {@link ComparisonMethod#description()}), so that a plugged-in method describes itself like the
 * built-in ones.
 *
 * @param id          the stable method id ({@code welch_t} …)
 * @param name        a human name
 * @param description its summary, formula and reference
 */
public record MethodTexts(String id, String name, MethodDescription description) {

    /** How the adjusted p-values are computed. */
    public static final String ADJUSTMENT = "Adjusted p-values control the false discovery rate across all rows of the"
            + " scorecard (Benjamini–Hochberg): with many metrics, some look significant by chance; the adjusted"
            + " p-value accounts for that.";

    /** The texts of a method id; for a method not registered here (a stored scorecard's), its id and a generic description. */
    public static MethodTexts of(String id) {
        try {
            ComparisonMethod<?> method = ComparisonMethods.byId(id);
            return new MethodTexts(id, method.title(), method.description());
        } catch (IllegalArgumentException e) {
            return new MethodTexts(id, id, new MethodDescription("A comparison method not registered in this"
                    + " installation.", "See the documentation of the method " + id + ".", ""));
        }
    }

    /** How the method is named in a list: its name and id ({@code Welch's t-test · welch_t}), or its id alone. */
    public String label() {
        return name.equals(id) ? id : name + " · " + id;
    }

    /** The summary's first sentence. */
    public String headline() {
        return description.headline();
    }
}
