package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tabs of the scorecard (the table and the plots): each panel is filled when it is first
 * opened, and the open tab is kept in the address, so that a link reopens it.
 */
final class ScorecardTabs {

    /**
     * One tab.
     *
     * @param id    its id, in the address ({@code tab=forest}) and in its classes ({@code ss-tab-forest}, {@code ss-panel-forest})
     * @param label its label
     * @param panel what it shows
     */
    record TabPanel(String id, String label, ScorecardPanel panel) {
    }

    private final List<TabPanel> panels;
    private String open;

    /** Tabs in this order; the first opens when the address names none. */
    ScorecardTabs(List<TabPanel> panels) {
        this.panels = List.copyOf(panels);
        this.open = this.panels.getFirst().id();
    }

    /** Opens the tab with this id next, or the first when {@code id} is null or names none. */
    void open(String id) {
        open = panels.stream().map(TabPanel::id).filter(p -> p.equals(id)).findFirst()
                .orElse(panels.getFirst().id());
    }

    /** The id of the open tab. */
    String open() {
        return open;
    }

    /** The tabs of {@code shown}, on the open tab, its panel filled. */
    TabSheet sheet(ShownScorecard shown) {
        TabSheet sheet = new TabSheet();
        sheet.addClassName("ss-tabs");
        Map<Tab, TabPanel> byTab = new HashMap<>();
        Map<TabPanel, Div> divs = new HashMap<>();
        Tab selected = null;
        for (TabPanel tabPanel : panels) {
            Div div = new Div();
            div.addClassNames("ss-tab-panel", "ss-panel-" + tabPanel.id());
            Tab tab = sheet.add(tabPanel.label(), div);
            tab.addClassName("ss-tab-" + tabPanel.id());
            byTab.put(tab, tabPanel);
            divs.put(tabPanel, div);
            if (tabPanel.id().equals(open)) {
                selected = tab;
            }
        }
        fillOnce(byTab.get(selected), divs, shown);
        sheet.setSelectedTab(selected);
        sheet.addSelectedChangeListener(e -> {
            TabPanel tabPanel = byTab.get(e.getSelectedTab());
            open = tabPanel.id();
            fillOnce(tabPanel, divs, shown);
            shown.ui().getPage().getHistory().replaceState(null, ScorecardView.location(shown.key(), open));
        });
        return sheet;
    }

    /** Fills the tab's panel unless it is filled already. */
    private static void fillOnce(TabPanel tabPanel, Map<TabPanel, Div> divs, ShownScorecard shown) {
        Div div = divs.get(tabPanel);
        if (div.getChildren().findAny().isEmpty()) {
            tabPanel.panel().fill(div, shown);
        }
    }
}
