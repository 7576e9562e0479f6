package io.splitscope.app.web.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import io.splitscope.analysis.results.PlanEdit;
import io.splitscope.metrics.experiment.DecisionPlan;
import io.splitscope.stats.decision.Design;
import io.splitscope.stats.decision.Margin;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The decision plan under the scorecard's header: its roles, who edited it when, the editor for analysts only. */
class DecisionPlanSectionTest {

    private static final Function<String, String> TITLE = Map.of("conversion", "Conversion", "refund_rate", "Refund rate")::get;
    private static final DecisionPlan PLAN = new DecisionPlan(List.of("conversion"), Map.of("refund_rate", Margin.parse("+25%")),
            0.1, 0.8, Design.FIXED);

    @Test
    void showsTheRolesAndWhoEditedThemWhen() {
        PlanEdit edit = new PlanEdit("new_checkout", PLAN, "ann", Instant.parse("2026-12-06T02:10:59Z"));

        Component section = DecisionPlanSection.of(PLAN, Optional.of(edit), TITLE, () -> { });

        assertThat(section.getElement().getTextRecursively()).isEqualTo("Decision plan" + "Success Conversion"
                + "Guardrails Refund rate +25%" + "Planned mde 10% · power 80 % · fixed horizon"
                + "edited by ann on 6 Dec 2026, 02:10 UTC" + "Edit the plan");
    }

    @Test
    void aViewerGetsNoEditorAndAnExperimentWithoutAPlanSaysAnAnalystCanSetOne() {
        Component viewer = DecisionPlanSection.of(PLAN, Optional.empty(), TITLE, null);
        Component none = DecisionPlanSection.of(DecisionPlan.NONE, Optional.empty(), TITLE, () -> { });

        assertThat(buttons(viewer)).isEmpty();
        assertThat(none.getElement().getTextRecursively()).isEqualTo("Decision plan"
                + "No decision plan: an analyst can set success metrics and guardrails" + "Set success metrics and guardrails");
        assertThat(buttons(none)).hasSize(1);
    }

    @Test
    void saysEachDesignInWords() {
        assertThat(DecisionPlanSection.design(Design.SEQUENTIAL)).isEqualTo("sequential");
        assertThat(DecisionPlanSection.design(Design.groupSequential(4, Design.Spending.POCOCK)))
                .isEqualTo("group sequential, 4 looks (Pocock)");
    }

    private static List<Element> buttons(Component component) {
        return descendants(component.getElement()).filter(e -> !e.isTextNode() && "vaadin-button".equals(e.getTag())).toList();
    }

    private static Stream<Element> descendants(Element element) {
        return Stream.concat(Stream.of(element), element.getChildren().flatMap(DecisionPlanSectionTest::descendants));
    }
}
