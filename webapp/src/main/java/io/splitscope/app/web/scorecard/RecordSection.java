package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.splitscope.analysis.results.Conclusion;
import io.splitscope.analysis.results.ExperimentRecord;
import io.splitscope.analysis.results.RecordStatus;
import io.splitscope.analysis.results.Signed;
import io.splitscope.app.web.common.Formats;
import io.splitscope.app.web.common.RecordChips;
import java.util.List;

/**
 * The team's record of an experiment under its header: the status chip (the team's, else the
 * one its dates give), the conclusion with who wrote it and when, the tags and the notes (newest
 * first); for analysts an edit button; and the page's actions ({@link PageActions}).
 */
final class RecordSection {

    private RecordSection() {
    }

    /**
     * @param byDates the status the experiment's dates give today
     * @param editor  opens the edit dialog; null for a viewer, who reads the record only
     * @param actions the page's actions (copy link, print)
     */
    static Component of(ExperimentRecord record, RecordStatus byDates, Runnable editor, Component actions) {
        Div section = new Div();
        section.addClassName("ss-record");
        Span label = new Span("Team record");
        label.addClassName("ss-label");
        Div head = new Div(label, RecordChips.status(record, byDates), statusSource(record));
        head.addClassName("ss-record-head");
        section.add(head);
        section.add(record.teamConclusion().map(RecordSection::conclusion).orElseGet(RecordSection::noConclusion));
        if (!record.tags().isEmpty()) {
            section.add(RecordChips.tags(record.tags()));
        }
        if (!record.notes().isEmpty()) {
            section.add(notes(record.notes()));
        }
        Div bar = new Div();
        bar.addClassName("ss-record-actions");
        if (editor != null) {
            Button edit = new Button("Edit record", VaadinIcon.EDIT.create(), click -> editor.run());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            edit.addClassName("ss-record-edit");
            edit.getElement().setAttribute("title", "Set the status, write the conclusion, tags or a note");
            bar.add(edit);
        }
        bar.add(actions);
        section.add(bar);
        return section;
    }

    private static Span statusSource(ExperimentRecord record) {
        Span source = new Span(record.teamStatus().map(s -> "set by " + s.by() + " on " + Formats.instant(s.at()))
                .orElse("from its dates"));
        source.addClassNames("ss-muted", "ss-record-status-source");
        return source;
    }

    private static Div conclusion(Signed<Conclusion> signed) {
        Conclusion conclusion = signed.value();
        Span decision = new Span(conclusion.headline());
        decision.addClassNames("ss-badge", "ss-decision-badge", "ss-decision-" + conclusion.decision().id(), "ss-record-decision");
        Span text = new Span(conclusion.text());
        text.addClassName("ss-record-conclusion-text");
        Div div = new Div(decision, text, signature(signed));
        div.addClassName("ss-record-conclusion");
        return div;
    }

    private static Div noConclusion() {
        Span none = new Span("No conclusion yet.");
        none.addClassName("ss-muted");
        Div div = new Div(none);
        div.addClassNames("ss-record-conclusion", "ss-record-no-conclusion");
        return div;
    }

    private static UnorderedList notes(List<Signed<String>> notes) {
        UnorderedList list = new UnorderedList();
        list.addClassName("ss-record-notes");
        for (Signed<String> note : notes) {
            Span text = new Span(note.value());
            text.addClassName("ss-record-note-text");
            ListItem item = new ListItem(text, signature(note));
            item.addClassName("ss-record-note");
            list.add(item);
        }
        return list;
    }

    private static Span signature(Signed<?> signed) {
        Span by = new Span("— " + signed.by() + ", " + Formats.instant(signed.at()));
        by.addClassName("ss-record-by");
        return by;
    }
}
