package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.splitscope.analysis.results.Conclusion;
import io.splitscope.analysis.results.ExperimentRecord;
import io.splitscope.analysis.results.RecordStatus;
import io.splitscope.app.results.ExperimentRecords;
import io.splitscope.app.results.RecordChanges;
import io.splitscope.stats.decision.Recommendation;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;

/**
 * Where an analyst writes the team's record of an experiment: its status, the conclusion (the
 * decision taken — ship a variant, roll back, keep running, don't ship — and why), its tags
 * (comma-separated) and a new note. Saving writes what changed; a change that breaks a rule
 * (decided without a conclusion, a bad tag) is refused with its one-line reason and nothing is saved.
 */
final class RecordDialog extends Dialog {

    private final String experimentId;
    private final ExperimentRecords records;
    private final Consumer<ExperimentRecord> saved;
    private final Select<RecordStatus> status = new Select<>();
    private final Select<Recommendation> decision = new Select<>();
    private final Select<String> variant = new Select<>();
    private final TextArea conclusion = new TextArea("Conclusion");
    private final TextField tags = new TextField("Tags");
    private final TextArea note = new TextArea("Add a note");
    private final Paragraph error = new Paragraph();

    /**
     * @param shown      the status shown now (the team's or the dates')
     * @param treatments the variants that may be shipped
     * @param saved      told the record once the changes are stored
     */
    RecordDialog(ExperimentRecord record, RecordStatus shown, List<String> treatments, ExperimentRecords records,
                 Consumer<ExperimentRecord> saved) {
        this.experimentId = record.experimentId();
        this.records = records;
        this.saved = saved;
        addClassName("ss-record-dialog");
        setHeaderTitle("Record of " + experimentId);
        setWidth("min(640px, 95vw)");

        status.setLabel("Status");
        status.setItems(RecordStatus.values());
        status.setItemLabelGenerator(RecordStatus::label);
        status.setValue(shown);
        status.addClassName("ss-record-status-field");
        status.setHelperText("Decided needs a conclusion.");

        decision.setLabel("Decision");
        decision.setItems(Conclusion.DECISIONS);
        decision.setItemLabelGenerator(r -> r == null ? "Not decided" : r.headline());
        decision.setEmptySelectionAllowed(true);
        decision.setEmptySelectionCaption("Not decided");
        decision.addClassName("ss-record-decision-field");
        variant.setLabel("Variant shipped");
        variant.setItems(treatments);
        variant.addClassName("ss-record-variant-field");
        record.teamConclusion().ifPresent(c -> {
            decision.setValue(c.value().decision());
            variant.setValue(c.value().variant());
            conclusion.setValue(c.value().text());
        });
        if (variant.getValue() == null && !treatments.isEmpty()) {
            variant.setValue(treatments.getFirst());
        }
        decision.addValueChangeListener(change -> showVariant());
        showVariant();
        conclusion.setWidthFull();
        conclusion.setMaxLength(Conclusion.MAX_TEXT);
        conclusion.setHelperText("Why: what the team saw and decided.");
        conclusion.addClassName("ss-record-conclusion-field");

        tags.setValue(String.join(", ", record.tags()));
        tags.setWidthFull();
        tags.setHelperText("Comma-separated: letters, digits, spaces and - _ . /");
        tags.addClassName("ss-record-tags-field");
        note.setWidthFull();
        note.setMaxLength(ExperimentRecord.MAX_NOTE);
        note.addClassName("ss-record-note-field");
        error.addClassName("ss-record-error");

        Div choice = new Div(status, decision, variant);
        choice.addClassName("ss-record-choice");
        add(choice, conclusion, tags, note, error);

        Button save = new Button("Save", click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("ss-record-save");
        Button cancel = new Button("Cancel", click -> close());
        cancel.addClassName("ss-record-cancel");
        getFooter().add(cancel, save);
    }

    private void showVariant() {
        variant.setVisible(decision.getValue() == Recommendation.SHIP);
    }

    private void save() {
        try {
            Conclusion written = decision.getValue() == null ? null
                    : new Conclusion(decision.getValue(), variant.getValue(), conclusion.getValue());
            List<String> tagList = Arrays.stream(tags.getValue().split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
            String noteText = note.getValue().isBlank() ? null : note.getValue();
            ExperimentRecord record = records.write(experimentId, new RecordChanges(status.getValue(), written, tagList, noteText));
            close();
            saved.accept(record);
        } catch (AccessDeniedException | IllegalArgumentException | UncheckedIOException e) {
            error.setText(e.getMessage());
        }
    }
}
