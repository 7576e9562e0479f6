package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.GoldenWarehouse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The steps {@link AnalysisService#analyze(AnalysisRequest, ProgressListener)} reports, on the golden warehouse. */
class AnalysisProgressTest {

    private record Step(int done, int total, String step) {
    }

    private static AnalysisService service;

    @BeforeAll
    static void open() {
        service = GoldenWarehouse.service();
    }

    @AfterAll
    static void close() {
        service.close();
    }

    @Test
    void reportsThePopulationEachQueryTheComparisonsAndTheEnd() {
        List<Step> steps = new ArrayList<>();
        Scorecard scorecard = service.analyze(AnalysisRequest.of("exp_autoplay"), (done, total, step) -> steps.add(new Step(done, total, step)));

        int total = steps.getFirst().total();
        assertThat(steps).allSatisfy(s -> assertThat(s.total()).isEqualTo(total));
        assertThat(steps).extracting(Step::done).isSorted().containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(0, total).boxed().toList());
        assertThat(steps.getFirst().step()).isEqualTo("population");
        assertThat(steps.get(steps.size() - 2).step()).isEqualTo("comparisons");
        assertThat(steps.getLast()).isEqualTo(new Step(total, total, "done"));
        // One step per metric query: every query the scorecard logged but the staged units and the population.
        List<String> queries = steps.stream().map(Step::step).filter(s -> s.startsWith("metric query")).toList();
        assertThat(queries).hasSize(scorecard.queries().size() - 2).last().isEqualTo("metric query " + queries.size() + " of " + queries.size());
    }

    @Test
    void countsTheSegmentUnitCountsAsAStep() {
        List<Step> steps = new ArrayList<>();
        service.analyze(new AnalysisRequest("exp_autoplay", List.of("streaming_hours"), MeanMethod.WELCH_T, "country"),
                (done, total, step) -> steps.add(new Step(done, total, step)));

        assertThat(steps).extracting(Step::step).containsExactly("population", "units by country", "metric query 1 of 1",
                "comparisons", "done");
    }
}
