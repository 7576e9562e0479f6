package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.html.Div;

/** What one tab of the scorecard shows ({@link ScorecardTabs} names the tabs). */
interface ScorecardPanel {

    /** Fills the empty {@code panel}, when its tab is first opened, with what this tab shows of {@code shown}. */
    void fill(Div panel, ShownScorecard shown);
}
