package io.splitscope.app.web.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import io.splitscope.stats.Interval;
import io.splitscope.stats.decision.Decision;
import io.splitscope.stats.decision.Recommendation;
import io.splitscope.stats.decision.TestKind;
import io.splitscope.stats.decision.TestResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision banners as elements: one per treatment, coloured by outcome, the numbers in the details. */
class DecisionBannerTest {

    private static final TestResult BETTER = new TestResult("conversion", TestKind.SUPERIORITY, 0.025, "α/2", true, 0, 0.1,
            0.081, new Interval(0.021, 0.141), 0.021, 0.0031, true, null);
    private static final TestResult SAFE = new TestResult("refund_rate", TestKind.NON_INFERIORITY, 0.05, "α", true, 0.25, 0.02,
            0.012, new Interval(-0.1, 0.124), 0.124, null, true, null);
    private static final TestResult WORSE = new TestResult("refund_rate", TestKind.DETERIORATION, 0.0125, "α/4", true, 0, 0.02,
            0.6, new Interval(0.41, 0.79), 0.41, null, true, null);

    @Test
    void oneBannerPerTreatmentWithItsHeadlineWhyAndColour() {
        Component banners = DecisionBanner.of(List.of(
                new Decision("banner", Recommendation.SHIP, List.of("conversion: +8.1 % [+2.1, +14.1], better at α/2"), 0.05, 0.8,
                        1500L, null, List.of(BETTER, SAFE)),
                new Decision("free_over_50", Recommendation.ROLL_BACK, List.of("refund rate: +60 % [+41, +79], worse at α/4"), 0.05,
                        0.8, null, null, List.of(WORSE))),
                Map.of("conversion", "Conversion rate", "refund_rate", "Refund rate")::get);

        List<Element> shown = banners.getElement().getChildren().toList();
        assertThat(shown).extracting(e -> e.getAttribute("data-variant")).containsExactly("banner", "free_over_50");
        assertThat(shown).extracting(e -> e.getAttribute("data-decision")).containsExactly("ship", "roll_back");
        assertThat(shown.getFirst().getClassList()).contains("ss-decision", "ss-decision-ship");
        assertThat(shown.getFirst().getTextRecursively()).contains("Ship it", "Conversion rate is up and no guardrail got worse.",
                "conversion: +8.1 % [+2.1, +14.1], better at α/2", "α = 0.05, power 80 %, planned sample 1,500 units per variant");
        assertThat(shown.get(1).getTextRecursively()).contains("Roll back", "Refund rate got worse.");
    }

    @Test
    void theDetailsListEachTestWithItsLevelEstimateBoundMarginAndVerdict() {
        Component banners = DecisionBanner.of(List.of(new Decision("banner", Recommendation.SHIP, List.of(), 0.05, 0.8, null,
                null, List.of(BETTER, SAFE))), id -> id);

        List<String> rows = rows(banners.getElement());
        assertThat(rows).containsExactly(
                "conversion|better (superiority)|α/2 = 0.025|+8.1 %|+2.1 %|0|yes",
                "refund_rate|within its margin (non-inferiority)|α = 0.05|+1.2 %|+12.4 %|+25.0 %|yes");
    }

    /** The tests table's body rows, their cells joined by |. */
    private static List<String> rows(Element root) {
        List<String> rows = new java.util.ArrayList<>();
        collect(root, rows);
        return rows;
    }

    private static void collect(Element element, List<String> rows) {
        if (element.isTextNode()) {
            return;
        }
        if ("tbody".equals(element.getTag())) {
            element.getChildren().forEach(tr -> rows.add(String.join("|",
                    tr.getChildren().map(Element::getTextRecursively).toList())));
            return;
        }
        element.getChildren().forEach(child -> collect(child, rows));
    }
}
