package io.splitscope.app.web.common;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.splitscope.analysis.results.ExperimentRecord;
import io.splitscope.analysis.results.RecordStatus;
import io.splitscope.analysis.results.Signed;
import java.util.List;
import java.util.Optional;

/** The chips of the team's record of an experiment, the same in the experiments list and on its page: its status and its tags. */
public final class RecordChips {

    private RecordChips() {
    }

    /**
     * The status chip ({@code ss-status ss-status-decided} …): the team's status with who set it
     * and when on hover, else the one {@code byDates} gives, saying so.
     */
    public static Span status(ExperimentRecord record, RecordStatus byDates) {
        Optional<Signed<RecordStatus>> team = record.teamStatus();
        RecordStatus shown = team.map(Signed::value).orElse(byDates);
        Span chip = new Span(shown.label());
        chip.addClassNames("ss-status", "ss-status-" + shown.id());
        chip.getElement().setAttribute("data-status", shown.id());
        chip.getElement().setAttribute("title", team.map(s -> "Set by " + s.by() + " on " + Formats.instant(s.at()))
                .orElse("From its dates: no one on the team has set a status yet"));
        if (team.isEmpty()) {
            chip.addClassName("ss-status-by-dates");
        }
        return chip;
    }

    /** The tags as chips ({@code ss-record-tag}), in a row that wraps; an empty row when there are none. */
    public static Div tags(List<String> tags) {
        Div row = new Div();
        row.addClassName("ss-record-tags");
        for (String tag : tags) {
            Span chip = new Span(tag);
            chip.addClassName("ss-record-tag");
            row.add(chip);
        }
        return row;
    }
}
