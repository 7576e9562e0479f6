package io.splitscope.app.web.common;

import com.vaadin.flow.component.html.Anchor;

/**
 * Links to a page by its route rather than its class, so that pages link back without depending
 * on each other's packages. The browser follows them as it follows a {@code RouterLink}: in the
 * page, without reloading it.
 */
public final class Links {

    private Links() {
    }

    /** A link to the list of experiments, the home page (route {@code ""}). */
    public static Anchor toExperiments(String text) {
        Anchor link = new Anchor("", text);
        link.getElement().setAttribute("router-link", true); // what RouterLink renders
        return link;
    }
}
