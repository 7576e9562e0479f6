package io.splitscope.app.web.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.dom.Element;
import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.WaitingProject;
import io.splitscope.metrics.project.ProjectFile;
import io.splitscope.metrics.Metric;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health section's cards, on the golden autoplay scorecard. */
class HealthPanelTest {

    private static Stream<Element> descendants(Element element) {
        return Stream.concat(Stream.of(element), element.getChildren().flatMap(HealthPanelTest::descendants));
    }

    private static List<String> cardTexts(Element health) {
        return descendants(health).filter(e -> e.getClassList().contains("ss-card"))
                .map(card -> String.join("|", card.getChildren().map(Element::getTextRecursively).toList()))
                .toList();
    }

    @Test
    void theCardsShowTheSampleRatioTestAndTheUnitsStillInWindow() {
        try (AnalysisService service = GoldenWarehouse.service()) {
            Scorecard scorecard = service.analyze(AnalysisRequest.of("exp_autoplay"));
            List<Metric> metrics = service.metrics();
            Element health = HealthPanel.of(scorecard,
                    id -> metrics.stream().filter(m -> m.id().equals(id)).findFirst().orElse(null)).getElement();

            // golden exp_autoplay.json: chi_square 0.65681818181818186, p_value 0.41768549718429437; 346 incomplete units
            assertThat(cardTexts(health)).contains(
                    "Sample ratio|Split as planned|✓|χ² = 0.6568, p = 0.418 ≥ 0.001 threshold",
                    "Left out|In window|346|window not over by the end date");
        }
    }

    /**
     * An experiment nobody was exposed to yet ({@link WaitingProject}): the panel says what the
     * scorecard waits for and that there is no split to test, instead of failing on a NaN χ².
     */
    @Test
    void anExperimentWithoutExposuresSaysWhatItWaitsFor(@TempDir Path folder) {
        try (AnalysisService service = AnalysisService.open(ProjectFile.load(WaitingProject.writeTo(folder)))) {
            Scorecard scorecard = service.analyze(AnalysisRequest.of("no_exposures"));
            Element health = HealthPanel.of(scorecard, id -> null).getElement();

            assertThat(cardTexts(health)).contains("Control|control|0|— of units · planned 50 %",
                    "Sample ratio|Not tested|—|no split to test yet");
            assertThat(health.getTextRecursively()).contains("Nothing to compare yet: no exposures yet between 2026-05-01"
                    + " and 2026-05-28. The scorecard compares the variants once each of them has units.");
        }
    }
}
