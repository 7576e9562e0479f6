package io.splitscope.analysis.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.stats.decision.Recommendation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of the team's record: decided needs a conclusion; tags, notes and conclusions are checked with one-line reasons. */
class ExperimentRecordTest {

    private static final Instant MORNING = Instant.parse("2026-12-06T09:00:00Z");
    private static final Conclusion SHIP = new Conclusion(Recommendation.SHIP, "price_up_1", "Revenue up, churn flat.");

    @Test
    void decidedNeedsAConclusion() {
        ExperimentRecord empty = ExperimentRecord.empty("exp_price");
        assertThatThrownBy(() -> empty.with(RecordEntry.status("exp_price", RecordStatus.DECIDED, "ann", MORNING)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the status of exp_price can be decided only with a conclusion: write the decision taken first");
        ExperimentRecord decided = empty.with(RecordEntry.conclusion("exp_price", SHIP, "ann", MORNING))
                .with(RecordEntry.status("exp_price", RecordStatus.DECIDED, "bob", MORNING.plusSeconds(60)));
        assertThat(decided.teamStatus()).contains(new Signed<>(RecordStatus.DECIDED, "bob", MORNING.plusSeconds(60)));
        assertThat(decided.teamConclusion()).contains(new Signed<>(SHIP, "ann", MORNING));
        assertThat(decided.teamConclusion().orElseThrow().value().headline()).isEqualTo("Ship price_up_1");
    }

    @Test
    void notesComeNewestFirstAndTagsReplaceTheirPredecessors() {
        ExperimentRecord record = ExperimentRecord.empty("exp_price")
                .with(RecordEntry.note("exp_price", " first look ", "ann", MORNING))
                .with(RecordEntry.note("exp_price", "second look", "bob", MORNING.plusSeconds(5)))
                .with(RecordEntry.tags("exp_price", List.of("pricing", "Q2 2026", "PRICING"), "ann", MORNING))
                .with(RecordEntry.tags("exp_price", List.of("pricing", "growth/web"), "ann", MORNING));
        assertThat(record.notes()).containsExactly(new Signed<>("second look", "bob", MORNING.plusSeconds(5)),
                new Signed<>("first look", "ann", MORNING));
        assertThat(record.tags()).containsExactly("pricing", "growth/web");
        assertThat(record.isEmpty()).isFalse();
        assertThat(ExperimentRecord.empty("x").isEmpty()).isTrue();
    }

    @Test
    void aBadTagIsRefusedInOneLine() {
        assertThatThrownBy(() -> RecordEntry.tags("exp_price", List.of("ok", "<script>"), "ann", MORNING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tag '<script>' may have only letters, digits, spaces and - _ . / (starting and ending with a letter or digit)");
        assertThatThrownBy(() -> RecordEntry.tags("exp_price", List.of("a,b"), "ann", MORNING))
                .hasMessageStartingWith("tag 'a,b' may have only");
        assertThatThrownBy(() -> RecordEntry.tags("exp_price", List.of("x".repeat(31)), "ann", MORNING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tag '" + "x".repeat(30) + "…' is longer than 30 characters");
        assertThatThrownBy(() -> RecordEntry.tags("exp_price", java.util.stream.IntStream.range(0, 13).mapToObj(i -> "t" + i).toList(),
                "ann", MORNING)).hasMessage("13 tags: an experiment has at most 12");
    }

    @Test
    void aConclusionIsAnActualDecisionWithReasons() {
        assertThatThrownBy(() -> new Conclusion(Recommendation.UNHEALTHY, null, "data broken"))
                .hasMessage("a conclusion's decision is roll_back, keep_running, ship, no_ship, not unhealthy");
        assertThatThrownBy(() -> new Conclusion(Recommendation.SHIP, " ", "why")).hasMessage("a conclusion to ship names the variant shipped");
        assertThatThrownBy(() -> new Conclusion(Recommendation.NO_SHIP, null, "  ")).hasMessage("the conclusion is empty: write a few words");
        assertThat(new Conclusion(Recommendation.ROLL_BACK, "price_up_1", "Churn up").variant()).isNull();
        assertThat(Conclusion.decision("keep_running")).isEqualTo(Recommendation.KEEP_RUNNING);
        assertThatThrownBy(() -> Conclusion.decision("launch"))
                .hasMessage("unknown decision 'launch' (use roll_back, keep_running, ship, no_ship)");
        assertThatThrownBy(() -> RecordEntry.note("exp_price", "n".repeat(2001), "ann", MORNING))
                .hasMessage("the note has 2001 characters, at most 2000 are kept");
    }

    @Test
    void anEntryOfAnotherExperimentIsRefused() {
        assertThatThrownBy(() -> ExperimentRecord.empty("exp_price").with(RecordEntry.note("exp_autoplay", "x", "ann", MORNING)))
                .hasMessage("an entry of exp_autoplay is not part of the record of exp_price");
    }
}
