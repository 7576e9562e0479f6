package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.splitscope.app.web.common.Formats;
import io.splitscope.metrics.experiment.Experiment;

/** The head of a scorecard: what the experiment is — its name, the facts of its design and its hypothesis. */
final class ExperimentHeader {

    private ExperimentHeader() {
    }

    /** The experiment's name, or its id when it has none. */
    static String name(Experiment experiment) {
        return experiment.name() == null || experiment.name().isBlank() ? experiment.id() : experiment.name();
    }

    /** The header: name, facts (id, owner, dates, control, treatments), and the hypothesis when there is one. */
    static Component of(Experiment experiment) {
        Div header = new Div();
        header.addClassName("ss-header");
        H1 name = new H1(name(experiment));
        Div facts = new Div(
                fact("Experiment", experiment.id()),
                fact("Owner", blankToDash(experiment.owner())),
                fact("Dates", experiment.assignment() != null && !experiment.assignment().timed()
                        ? "no timestamps: every exposure counts"
                        : Formats.dateRange(experiment.startDate(), experiment.endDate())),
                fact("Control", experiment.controlVariant()),
                fact("Treatments", String.join(", ", experiment.treatments())));
        facts.addClassName("ss-facts");
        header.add(name, facts);
        if (experiment.hypothesis() != null && !experiment.hypothesis().isBlank()) {
            Paragraph hypothesis = new Paragraph();
            hypothesis.addClassName("ss-hypothesis");
            Span label = new Span("Hypothesis ");
            label.addClassName("ss-label");
            hypothesis.add(label, new Span(experiment.hypothesis()));
            header.add(hypothesis);
        }
        return header;
    }

    private static Component fact(String label, String value) {
        Span l = new Span(label);
        l.addClassName("ss-label");
        Span v = new Span(value);
        v.addClassName("ss-fact-value");
        Div fact = new Div(l, v);
        fact.addClassName("ss-fact");
        return fact;
    }

    private static String blankToDash(String value) {
        return value == null || value.isBlank() ? Formats.MISSING : value;
    }
}
