package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.splitscope.analysis.json.DecisionPlanPart;
import io.splitscope.analysis.results.PlanEdit;
import io.splitscope.app.web.common.Formats;
import io.splitscope.metrics.experiment.DecisionPlan;
import io.splitscope.stats.decision.Design;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The experiment's decision plan under its header ({@code spec/decisions.md}): its success
 * metrics, guardrails with their margins, mde, power and design; "edited by … on …" when an
 * analyst changed it in the app; for analysts a button that edits it ({@link DecisionPlanDialog}).
 * Without a plan, a quiet line says an analyst can set one.
 */
final class DecisionPlanSection {


    private DecisionPlanSection() {
    }

    /**
     * @param edit  the latest edit in the app, if any
     * @param title a metric's title by its id
     * @param editor opens the editor; null for a viewer, who sees the plan read-only
     */
    static Component of(DecisionPlan plan, Optional<PlanEdit> edit, Function<String, String> title, Runnable editor) {
        Div section = new Div();
        section.addClassName("ss-plan");
        Span label = new Span("Decision plan");
        label.addClassName("ss-label");
        section.add(label);
        if (!plan.decides()) {
            Span none = new Span("No decision plan: an analyst can set success metrics and guardrails");
            none.addClassNames("ss-muted", "ss-plan-none");
            section.add(none);
        } else {
            section.add(part("Success", plan.success().stream().map(title).collect(Collectors.joining(", ")), "ss-plan-success-shown"),
                    part("Guardrails", guardrails(plan, title), "ss-plan-guardrails-shown"),
                    part("Planned", "mde " + DecisionPlanPart.percent(plan.mde()) + " · power " + Formats.percent(plan.power())
                            + " · " + design(plan.design()), "ss-plan-settings-shown"));
        }
        edit.ifPresent(e -> {
            Span edited = new Span("edited by " + e.editedBy() + " on " + Formats.instant(e.editedAt()));
            edited.addClassName("ss-plan-edited");
            section.add(edited);
        });
        if (editor != null) {
            Button button = new Button(plan.decides() ? "Edit the plan" : "Set success metrics and guardrails",
                    VaadinIcon.EDIT.create(), click -> editor.run());
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            button.addClassName("ss-plan-edit");
            section.add(button);
        }
        return section;
    }

    private static String guardrails(DecisionPlan plan, Function<String, String> title) {
        return plan.guardrails().isEmpty() ? "none" : plan.guardrails().entrySet().stream()
                .map(e -> title.apply(e.getKey()) + " " + e.getValue().text()).collect(Collectors.joining(", "));
    }

    /** The design in words: {@code fixed horizon}, {@code sequential}, {@code group sequential, 5 looks (O'Brien–Fleming)}. */
    static String design(Design design) {
        return switch (design.kind()) {
            case FIXED -> "fixed horizon";
            case SEQUENTIAL -> "sequential";
            case GROUP_SEQUENTIAL -> "group sequential, " + design.looks() + " looks ("
                    + spending(design.spending()) + ")";
        };
    }

    /** A spending function's name: {@code Pocock}, {@code O'Brien–Fleming}. */
    static String spending(Design.Spending spending) {
        return spending == Design.Spending.POCOCK ? "Pocock" : "O'Brien–Fleming";
    }

    private static Component part(String label, String value, String className) {
        Span l = new Span(label + " ");
        l.addClassName("ss-muted");
        Span part = new Span(l, new Span(value));
        part.addClassName(className);
        return part;
    }
}
