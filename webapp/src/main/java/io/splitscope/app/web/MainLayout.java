package io.splitscope.app.web;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import io.splitscope.app.analysis.AnalysisService;
import io.splitscope.app.web.experiments.ExperimentsView;
import java.util.Objects;

/**
 * The frame of every page: a slim top bar with the product name (a link home) and the warehouse
 * being read, and a centred content column below it.
 */
@PermitAll
public final class MainLayout extends Div implements RouterLayout {

    private final Main content = new Main();

    /** Built by Vaadin's Spring integration, which injects the analysis service. */
    public MainLayout(AnalysisService analysis) {
        Objects.requireNonNull(analysis, "analysis");
        addClassName("ss-app");

        RouterLink brand = new RouterLink(ExperimentsView.class);
        brand.addClassName("ss-brand");
        Span mark = new Span("◧");
        mark.addClassName("ss-brand-mark");
        brand.add(mark, new Span("Splitscope"));

        Span warehouseLabel = new Span("Warehouse");
        warehouseLabel.addClassName("ss-label");
        Span warehouse = new Span(warehouseLabel, new Span(analysis.warehouseDescription()));
        warehouse.addClassName("ss-warehouse");
        warehouse.getElement().setAttribute("title", "The warehouse every number on these pages comes from");

        Header bar = new Header(brand, warehouse);
        bar.addClassName("ss-topbar");

        content.addClassName("ss-content");
        add(bar, content);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.getElement().removeAllChildren();
        if (view != null) {
            content.getElement().appendChild(view.getElement());
        }
    }
}
