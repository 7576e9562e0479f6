package io.splitscope.app.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.analysis.results.PlanEdit;
import io.splitscope.analysis.results.ResultsStore;
import io.splitscope.analysis.results.WarehouseFingerprint;
import io.splitscope.app.audit.AuditLog;
import io.splitscope.app.security.Role;
import io.splitscope.metrics.experiment.DecisionPlan;
import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.stats.decision.Design;
import io.splitscope.stats.decision.Margin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An analyst's edit of a decision plan on the golden warehouse: stored with who and when, in the
 * audit log, and from then on the experiment's plan for the analyses and the list — also after a
 * restart; viewers and plans with mistakes are refused.
 */
class PlanEditingTest {

    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
    private static final DecisionPlan PLAN = new DecisionPlan(List.of("streaming_hours"),
            Map.of("play_rate", Margin.parse("-2%")), 0.05, 0.8, Design.FIXED);

    @TempDir
    Path dir;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** The app's parts as SplitscopeWebApplication wires them, over a store in {@code dir}. */
    private record App(AnalysisService analysis, EditedPlans plans, WarehouseExperiments experiments, PlanEditing editing,
                       ResultsStore store) implements AutoCloseable {

        static App open(Path dir) {
            var project = StreamingPreset.project(GoldenWarehouse.folder().toString());
            EditedPlans plans = new EditedPlans(project.experiments());
            AnalysisService analysis = AnalysisService.open(project.withExperiments(plans));
            ResultsStore store = ResultsStore.open(dir.resolve("results.duckdb"));
            WarehouseExperiments experiments = new WarehouseExperiments(analysis, () -> new WarehouseFingerprint("v1"), true);
            PlanEditing editing = new PlanEditing(store, plans, experiments, new AuditLog(dir.resolve("audit.log"),
                    Clock.fixed(NOW, ZoneOffset.UTC)), analysis, Clock.fixed(NOW, ZoneOffset.UTC));
            return new App(analysis, plans, experiments, editing, store);
        }

        @Override
        public void close() {
            store.close();
            analysis.close();
        }
    }

    @Test
    void anAnalystsEditIsStoredAuditedAndTheExperimentsPlanFromThenOnAlsoAfterARestart() throws Exception {
        try (App app = App.open(dir)) {
            DecisionPlan priceFromTheProject = app.experiments().find("exp_price").orElseThrow().decisionPlan();
            assertThat(app.experiments().find("exp_autoplay").orElseThrow().decisionPlan()).isNotEqualTo(PLAN);
            signIn("ann", Role.ANALYST);

            PlanEdit edit = app.editing().save("exp_autoplay", PLAN);

            assertThat(edit).isEqualTo(new PlanEdit("exp_autoplay", PLAN, "ann", NOW));
            assertThat(app.store().planEdits("exp_autoplay")).containsExactly(edit);
            assertThat(app.experiments().find("exp_autoplay").orElseThrow().decisionPlan()).isEqualTo(PLAN);
            assertThat(app.analysis().analysable("exp_autoplay").decisionPlan()).as("what an analysis reads").isEqualTo(PLAN);
            assertThat(app.experiments().find("exp_price").orElseThrow().decisionPlan()).isEqualTo(priceFromTheProject);
        }
        assertThat(Files.readString(dir.resolve("audit.log"))).isEqualTo("2026-12-06T02:00:00Z plan-edit user=\"ann\" client=-"
                + " detail=\"exp_autoplay {\\\"success\\\":[\\\"streaming_hours\\\"],\\\"guardrails\\\":{\\\"play_rate\\\":\\\"-2%\\\"},"
                + "\\\"mde\\\":\\\"5%\\\",\\\"power\\\":0.8,\\\"design\\\":\\\"fixed\\\"}\"\n");
        try (App restarted = App.open(dir)) {
            assertThat(restarted.editing().latest("exp_autoplay")).contains(new PlanEdit("exp_autoplay", PLAN, "ann", NOW));
            assertThat(restarted.experiments().find("exp_autoplay").orElseThrow().decisionPlan()).isEqualTo(PLAN);
        }
    }

    @Test
    void viewersMayNotEditAndAPlanWithAMistakeIsNotSaved() {
        try (App app = App.open(dir)) {
            signIn("vera", Role.VIEWER);
            assertThatThrownBy(() -> app.editing().save("exp_autoplay", PLAN)).isInstanceOf(AccessDeniedException.class)
                    .hasMessage("user 'vera' is a viewer: only analysts may edit decision plans");

            signIn("ann", Role.ANALYST);
            DecisionPlan unknown = new DecisionPlan(List.of("streaming_hour"), Map.of(), 0.05, 0.8, Design.FIXED);
            assertThat(app.editing().mistakes(unknown)).containsExactly(
                    "success metric 'streaming_hour' is not a metric of the project (did you mean 'streaming_hours'?)");
            assertThatThrownBy(() -> app.editing().save("exp_autoplay", unknown)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the decision plan of exp_autoplay is not saved: ");
            assertThat(app.store().planEdits("exp_autoplay")).isEmpty();
            assertThat(app.editing().latest("exp_autoplay")).isEmpty();
        }
    }

    private static void signIn(String name, Role role) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(name, null, role.authorities()));
    }
}
