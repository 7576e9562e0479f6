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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The log-in page: a user name and password form that posts to Spring Security's {@code /login}
 * (form log-in). After a failed attempt Spring Security sends the browser back here with
 * {@code ?error}, and the form says so; after too many ({@code io.splitscope.app.security.LoginThrottle})
 * the app sends it back with {@code ?wait=SECONDS}, and the form says how long to wait. When the
 * app runs with {@code --demo-users}, the page names
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
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        Optional<String> wait = parameters.getOrDefault("wait", List.of()).stream().filter(s -> s.matches("\\d{1,6}")).findFirst();
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getErrorMessage().setTitle(wait.isPresent() ? "Too many failed sign-ins" : "Wrong user name or password");
        i18n.getErrorMessage().setMessage(wait.map(seconds -> "Wait " + seconds + " s, then try again.")
                .orElse("Check them and try again. Ask whoever runs Splitscope for an account."));
        form.setI18n(i18n);
        form.setError(wait.isPresent() || parameters.containsKey("error"));
    }
}
