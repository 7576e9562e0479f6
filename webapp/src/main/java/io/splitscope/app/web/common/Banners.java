package io.splitscope.app.web.common;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.splitscope.app.results.ResultsStoreStatus;
import java.util.Optional;

/** The warning banners of the views: one look for what a user must not miss. */
public final class Banners {

    private Banners() {
    }

    /** A warning banner with an icon and {@code text}; {@code className} names it for styles and tests. */
    public static Component warning(VaadinIcon icon, String text, String className) {
        Div banner = new Div();
        banner.addClassNames("ss-quality", "ss-health-warning", className);
        var shown = icon.create();
        shown.addClassName("ss-quality-icon");
        banner.add(shown, new Span(text));
        return banner;
    }

    /** The notice that results are not being stored, while they are not (on the experiments list and each scorecard). */
    public static Optional<Component> resultsStore(ResultsStoreStatus status) {
        return status.usable() ? Optional.empty()
                : Optional.of(warning(VaadinIcon.WARNING, status.notice(), "ss-results-store-banner"));
    }
}
