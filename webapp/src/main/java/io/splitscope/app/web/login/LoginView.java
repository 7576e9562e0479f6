package io.splitscope.app.web.login;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.splitscope.app.security.CurrentUser;
import io.splitscope.app.security.UserAccounts;

/**
 * The log-in page: a user name and password form that posts to Spring Security's {@code /login}
 * (form log-in). After a failed attempt Spring Security sends the browser back here with
 * {@code ?error}, and the form says so. When the app runs with {@code --demo-users}, the page names
 * the demo users. A user who is already signed in is sent to the experiments list.
 *
 * <p>For browser tests: the form is a {@code vaadin-login-form} with the fields
 * {@code input[name=username]} and {@code input[name=password]} and a submit button.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Splitscope")
@AnonymousAllowed
public final class LoginView extends Div implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final CurrentUser currentUser;

    /** Built by Vaadin's Spring integration. */
    public LoginView(CurrentUser currentUser, UserAccounts accounts) {
        this.currentUser = currentUser;
        addClassName("ss-login");
        getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "center")
                .set("gap", "var(--lumo-space-m)").set("padding", "var(--lumo-space-xl) var(--lumo-space-m)");

        Div brand = new Div();
        brand.addClassName("ss-brand");
        Span mark = new Span("◧");
        mark.addClassName("ss-brand-mark");
        brand.add(mark, new Span("Splitscope"));

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getErrorMessage().setTitle("Wrong user name or password");
        i18n.getErrorMessage().setMessage("Check them and try again. Ask whoever runs Splitscope for an account.");
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);

        add(brand, form);
        if (accounts.demoUsers()) {
            Paragraph demo = new Paragraph("Demo users: viewer / viewer (reads scorecards) and analyst / analyst"
                    + " (also runs analyses).");
            demo.addClassName("ss-login-demo");
            demo.getStyle().set("max-width", "22rem").set("color", "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)").set("text-align", "center");
            add(demo);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.name().isPresent()) {
            event.forwardTo("");
            return;
        }
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
