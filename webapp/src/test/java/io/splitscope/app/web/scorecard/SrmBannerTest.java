package io.splitscope.app.web.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import io.splitscope.stats.health.SrmResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SrmBannerTest {

    @Test
    void aMismatchSaysWhatItMeansAndWhatToDo() {
        Component banner = HealthPanel.srmBanner(
                new SrmResult(14.52, 0.000139, true, Map.of("control", 0.5, "previews", 0.5)));
        assertThat(banner.getElement().getTextRecursively()).isEqualTo(
                "Sample ratio mismatch: the split differs from the planned weights (χ² = 14.52, p = 1.4e-4 < 0.001 threshold)."
                        + " Results may be biased; check assignment and logging before trusting them.");
        assertThat(banner.getElement().getClassList()).contains("ss-srm-banner");
        assertThat(banner.getElement().getAttribute("role")).isEqualTo("alert");
    }

    @Test
    void aPlannedSplitIsQuiet() {
        // golden exp_autoplay.json: chi_square 0.65681818181818186, p_value 0.41768549718429437
        Component ok = HealthPanel.srmBanner(
                new SrmResult(0.65681818181818186, 0.41768549718429437, false, Map.of("control", 0.5, "previews", 0.5)));
        assertThat(ok.getElement().getTextRecursively()).isEqualTo("Split as planned (χ² = 0.6568, p = 0.418 ≥ 0.001 threshold)");
        assertThat(ok.getElement().getClassList()).contains("ss-srm-ok");
    }
}
