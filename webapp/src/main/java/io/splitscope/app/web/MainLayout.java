package io.splitscope.app.web;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.app.web.catalog.MetricsCatalogView;
import io.splitscope.app.security.CurrentUser;
import io.splitscope.app.web.experiments.ExperimentsView;
import io.splitscope.app.web.power.PowerView;
import java.util.Objects;

/**
 * The frame of every page: a slim top bar with the product name (a link home), the sections
 * (experiments, metrics catalog, power calculator), the warehouse being read and the signed-in
 * user, and a centred content column below it.
 */
@Layout
@PermitAll
public final class MainLayout extends Div implements RouterLayout {

    private final Main content = new Main();

    /** Built by Vaadin's Spring integration, which injects the analysis service and the signed-in user. */
    public MainLayout(AnalysisService analysis, CurrentUser currentUser) {
        Objects.requireNonNull(analysis, "analysis");
        addClassName("ss-app");

        RouterLink brand = new RouterLink(ExperimentsView.class);
        brand.addClassName("ss-brand");
        Span mark = new Span("◧");
        mark.addClassName("ss-brand-mark");
        brand.add(mark, new Span("Splitscope"));

        Nav nav = new Nav(link("Experiments", ExperimentsView.class, "", "experiments"),
                link("Metrics", MetricsCatalogView.class, "metrics"),
                link("Power calculator", PowerView.class, "power"));
        nav.addClassName("ss-nav");

        Span warehouseLabel = new Span("Warehouse");
        warehouseLabel.addClassName("ss-label");
        Span warehouse = new Span(warehouseLabel, new Span(analysis.warehouseDescription()));
        warehouse.addClassName("ss-warehouse");
        warehouse.getElement().setAttribute("title", "The warehouse every number on these pages comes from");

        Div right = new Div(warehouse);
        right.addClassName("ss-topbar-right");
        currentUser.name().ifPresent(user -> {
            Span who = new Span(user);
            who.addClassName("ss-user");
            boolean analyst = currentUser.canRunAnalyses();
            Span role = new Span(analyst ? "analyst" : "viewer");
            role.addClassNames("ss-tag", "ss-role");
            role.getElement().setAttribute("title", analyst
                    ? "Analysts read results and run analyses" : "Viewers read results; analysts run analyses");
            Button logout = new Button("Log out", e -> currentUser.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            logout.addClassName("ss-logout");
            right.add(who, role, logout);
        });

        Header bar = new Header(brand, nav, right);
        bar.addClassName("ss-topbar");

        content.addClassName("ss-content");
        add(bar, content);
    }

    /** A section link, highlighted on its own pages: the path is one of {@code paths} or below one. */
    private static RouterLink link(String text, Class<? extends com.vaadin.flow.component.Component> view,
                                   String... paths) {
        RouterLink link = new RouterLink(text, view);
        link.addClassName("ss-nav-link");
        link.setHighlightCondition((l, event) -> {
            String path = event.getLocation().getPath();
            for (String p : paths) {
                if (path.equals(p) || !p.isEmpty() && path.startsWith(p + "/")) {
                    return true;
                }
            }
            return false;
        });
        return link;
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.getElement().removeAllChildren();
        if (view != null) {
            content.getElement().appendChild(view.getElement());
        }
    }
}
