package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import io.splitscope.analysis.json.DecisionPlanPart;
import io.splitscope.analysis.results.PlanEdit;
import io.splitscope.app.results.PlanEditing;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.experiment.DecisionPlan;
import io.splitscope.stats.decision.Design;
import io.splitscope.stats.decision.Margin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;

/**
 * Where an analyst edits an experiment's decision plan ({@code spec/decisions.md}): its success
 * metrics, its guardrails each with a margin in the harmful direction ({@code "+5%"}, {@code "-1%"}
 * or a number), mde, power and design. Saving checks the plan ({@link PlanEditing#mistakes}) and
 * lists every mistake, one a line; nothing is saved while there is any.
 */
final class DecisionPlanDialog extends Dialog {

    private static final List<Design.Kind> KINDS = List.of(Design.Kind.FIXED, Design.Kind.SEQUENTIAL, Design.Kind.GROUP_SEQUENTIAL);

    private final String experimentId;
    private final PlanEditing editing;
    private final Consumer<PlanEdit> saved;
    private final List<String> metricIds;
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final MultiSelectComboBox<String> success = new MultiSelectComboBox<>("Success metrics");
    private final Div guardrails = new Div();
    private final List<GuardrailRow> guardrailRows = new ArrayList<>();
    private final TextField mde = new TextField("Smallest effect worth detecting (mde)");
    private final NumberField power = new NumberField("Power");
    private final Select<Design.Kind> design = new Select<>();
    private final IntegerField looks = new IntegerField("Looks");
    private final Select<Design.Spending> spending = new Select<>();
    private final UnorderedList mistakes = new UnorderedList();

    /** A guardrail being edited: its metric and its margin as written. */
    private record GuardrailRow(Div row, ComboBox<String> metric, TextField margin) {
    }

    /**
     * @param metrics the metrics a plan may name
     * @param saved   told the edit once it is stored
     */
    DecisionPlanDialog(String experimentId, DecisionPlan plan, List<Metric> metrics, PlanEditing editing, Consumer<PlanEdit> saved) {
        this.experimentId = experimentId;
        this.editing = editing;
        this.saved = saved;
        metrics.forEach(m -> titles.put(m.id(), m.title()));
        this.metricIds = List.copyOf(titles.keySet());
        addClassName("ss-plan-dialog");
        setHeaderTitle("Decision plan of " + experimentId);
        setWidth("min(760px, 95vw)");

        success.setItems(metricIds);
        success.setItemLabelGenerator(this::label);
        success.setValue(new LinkedHashSet<>(plan.success()));
        success.setWidthFull();
        success.addClassName("ss-plan-success");
        success.setHelperText("What the change is meant to move, each in its own direction.");

        guardrails.addClassName("ss-plan-guardrails");
        plan.guardrails().forEach((metric, margin) -> addGuardrail(metric, margin.text()));
        Button addGuardrail = new Button("Add a guardrail", VaadinIcon.PLUS.create(), click -> addGuardrail(null, ""));
        addGuardrail.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        addGuardrail.addClassName("ss-plan-add-guardrail");

        mde.setValue(DecisionPlanPart.percent(plan.mde()));
        mde.addClassName("ss-plan-mde");
        mde.setHelperText("Relative, on a success metric: 5%");
        power.setValue(plan.power());
        power.setStep(0.05);
        power.addClassName("ss-plan-power");
        design.setLabel("Design");
        design.setItems(KINDS);
        design.setItemLabelGenerator(kind -> switch (kind) {
            case FIXED -> "Fixed horizon";
            case SEQUENTIAL -> "Sequential (always valid)";
            case GROUP_SEQUENTIAL -> "Group sequential";
        });
        design.setValue(plan.design().kind());
        design.addClassName("ss-plan-design");
        looks.setMin(2);
        looks.setValue(plan.design().kind() == Design.Kind.GROUP_SEQUENTIAL ? plan.design().looks() : 5);
        spending.setLabel("Alpha spending");
        spending.setItems(Design.Spending.values());
        spending.setItemLabelGenerator(DecisionPlanSection::spending);
        spending.setValue(plan.design().spending() == null ? Design.Spending.OBRIEN_FLEMING : plan.design().spending());
        design.addValueChangeListener(change -> showSequentialFields());
        showSequentialFields();
        Div settings = new Div(mde, power, design, looks, spending);
        settings.addClassName("ss-plan-settings");

        Paragraph guardrailHelp = new Paragraph("Guardrails must not get worse. A margin says how far one may move the"
                + " harmful way: \"+5%\" for a metric that should stay low (at most 5 % higher), \"-1%\" for one that"
                + " should stay high, or an absolute number.");
        guardrailHelp.addClassName("ss-muted");
        mistakes.addClassName("ss-plan-mistakes");
        add(success, guardrailHelp, guardrails, addGuardrail, settings, mistakes);

        Button save = new Button("Save", click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("ss-plan-save");
        Button cancel = new Button("Cancel", click -> close());
        cancel.addClassName("ss-plan-cancel");
        getFooter().add(cancel, save);
    }

    private String label(String metricId) {
        return titles.getOrDefault(metricId, metricId) + " (" + metricId + ")";
    }

    private void showSequentialFields() {
        boolean group = design.getValue() == Design.Kind.GROUP_SEQUENTIAL;
        looks.setVisible(group);
        spending.setVisible(group);
    }

    private void addGuardrail(String metricId, String margin) {
        ComboBox<String> metric = new ComboBox<>("Guardrail");
        metric.setItems(metricIds);
        metric.setItemLabelGenerator(this::label);
        metric.setValue(metricId);
        metric.addClassName("ss-plan-guardrail-metric");
        TextField marginField = new TextField("Margin");
        marginField.setPlaceholder("+5%");
        marginField.setValue(margin);
        marginField.addClassName("ss-plan-guardrail-margin");
        Div row = new Div(metric, marginField);
        row.addClassName("ss-plan-guardrail");
        GuardrailRow guardrail = new GuardrailRow(row, metric, marginField);
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> {
            guardrails.remove(row);
            guardrailRows.remove(guardrail);
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        remove.setAriaLabel("Remove this guardrail");
        row.add(remove);
        guardrails.add(row);
        guardrailRows.add(guardrail);
    }

    /** Builds the plan from the fields, checks it, and stores it when it has no mistake. */
    private void save() {
        List<String> found = new ArrayList<>();
        DecisionPlan plan = plan(found);
        if (plan != null) {
            found.addAll(editing.mistakes(plan));
        }
        showMistakes(found);
        if (!found.isEmpty()) {
            return;
        }
        try {
            PlanEdit edit = editing.save(experimentId, plan);
            close();
            saved.accept(edit);
        } catch (AccessDeniedException | IllegalArgumentException | java.io.UncheckedIOException e) {
            showMistakes(List.of(e.getMessage()));
        }
    }

    /** The plan the fields describe; null, with what cannot be read added to {@code found}, when they describe none. */
    private DecisionPlan plan(List<String> found) {
        Map<String, Margin> margins = new LinkedHashMap<>();
        for (GuardrailRow row : guardrailRows) {
            String metric = row.metric().getValue();
            if (metric == null) {
                found.add("a guardrail has no metric: choose one, or remove the row");
                continue;
            }
            try {
                if (margins.put(metric, Margin.parse(row.margin().getValue())) != null) {
                    found.add("guardrail '" + metric + "' is listed twice");
                }
            } catch (IllegalArgumentException e) {
                found.add("guardrail '" + metric + "': " + e.getMessage());
            }
        }
        double mdeValue = Double.NaN;
        try {
            mdeValue = DecisionPlanPart.parsePercent(mde.getValue());
        } catch (IllegalArgumentException e) {
            found.add("mde: " + e.getMessage());
        }
        Design chosen = null;
        try {
            chosen = switch (design.getValue()) {
                case FIXED -> Design.FIXED;
                case SEQUENTIAL -> Design.SEQUENTIAL;
                case GROUP_SEQUENTIAL -> Design.groupSequential(looks.getValue() == null ? 0 : looks.getValue(), spending.getValue());
            };
        } catch (IllegalArgumentException e) {
            found.add("design: " + e.getMessage());
        }
        if (!found.isEmpty()) {
            return null;
        }
        try {
            return new DecisionPlan(List.copyOf(success.getSelectedItems().stream().filter(metricIds::contains)
                    .sorted(java.util.Comparator.comparingInt(metricIds::indexOf)).toList()), margins, mdeValue,
                    power.getValue() == null ? Double.NaN : power.getValue(), chosen);
        } catch (IllegalArgumentException e) {
            found.add(e.getMessage());
            return null;
        }
    }

    private void showMistakes(List<String> lines) {
        mistakes.removeAll();
        lines.forEach(line -> mistakes.add(new ListItem(line)));
    }
}
