package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import io.splitscope.app.web.common.Links;

/** A page-wide message in place of a scorecard (an unknown experiment, a failed analysis), with the way back. */
final class PageMessage {

    private PageMessage() {
    }

    /** A heading, a sentence that explains it, and a link to all experiments. */
    static Component of(String heading, String text) {
        Div box = new Div();
        box.addClassName("ss-message");
        box.add(new H2(heading), new Paragraph(text), Links.toExperiments("See all experiments"));
        return box;
    }
}
