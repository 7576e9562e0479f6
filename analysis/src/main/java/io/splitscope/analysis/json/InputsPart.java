package io.splitscope.analysis.json;

import io.splitscope.analysis.InputSummary;
import java.util.Map;

/**
 * The sufficient statistics a row's comparison read, as the results store keeps them (not part of
 * the public document); see {@link InputSummary}.
 */
public record InputsPart(Map<String, Double> control, Map<String, Double> treatment) {

    public static InputsPart of(InputSummary inputs) {
        return new InputsPart(inputs.control(), inputs.treatment());
    }

    public InputSummary toSummary() {
        return new InputSummary(control, treatment);
    }
}
