package io.splitscope.app.web;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import io.splitscope.app.web.experiments.ExperimentsView;
import jakarta.servlet.http.HttpServletResponse;

/** The page for an address the app does not know: a plain sentence and a way back, status 404. */
@ParentLayout(MainLayout.class)
@PermitAll
public final class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    /** Built by Vaadin. */
    public NotFoundView() {
        addClassNames("ss-page", "ss-message");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        add(new H1("Page not found"),
                new Paragraph("There is nothing at /" + event.getLocation().getPath() + "."),
                new RouterLink("See all experiments", ExperimentsView.class));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
