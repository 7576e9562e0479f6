package io.splitscope.app.web;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import io.splitscope.app.web.experiments.ExperimentsView;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page for an unexpected failure while opening a view: the details go to the server log,
 * never to the browser.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public final class ErrorView extends Div implements HasErrorParameter<Exception> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorView.class);

    /** Built by Vaadin. */
    public ErrorView() {
        addClassNames("ss-page", "ss-message");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        LOG.error("Could not show /{}", event.getLocation().getPath(), parameter.getCaughtException());
        removeAll();
        add(new H1("Something went wrong"),
                new Paragraph("This page could not be shown. The details are in the server log."),
                new RouterLink("See all experiments", ExperimentsView.class));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
