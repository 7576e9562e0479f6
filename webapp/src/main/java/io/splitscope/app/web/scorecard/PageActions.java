package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The scorecard page's sharing actions: "Copy link" copies the page's full address — which carries
 * the method, segment, confidence level and tab ({@link ScorecardView#queryParameters}) — to the
 * clipboard and says so; "Print report" opens the browser's print dialog, whose print style
 * sheet ({@code @media print} in {@code styles.css}) makes the page a one-page report.
 */
final class PageActions {

    /**
     * Copies {@code location.href}: with the Clipboard API where the page may use it (HTTPS or
     * localhost), else through a selected text area; answers the address copied.
     */
    private static final String COPY = """
            const url = window.location.href;
            const fallback = () => {
              const area = document.createElement('textarea');
              area.value = url;
              document.body.appendChild(area);
              area.select();
              document.execCommand('copy');
              area.remove();
              return url;
            };
            this.dataset.copied = url;
            if (navigator.clipboard && window.isSecureContext) {
              return navigator.clipboard.writeText(url).then(() => url, fallback);
            }
            return fallback();""";

    private PageActions() {
    }

    /** The two buttons, in a row. */
    static Div of() {
        Button copy = new Button("Copy link", VaadinIcon.LINK.create());
        copy.addClassName("ss-copy-link");
        copy.getElement().setAttribute("title", "Copy the address of exactly this view: method, segment, confidence and tab");
        copy.addClickListener(click -> copy.getElement().executeJs(COPY).then(String.class, url ->
                Notification.show("Link copied: " + url, 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS)));
        Button print = new Button("Print report", VaadinIcon.PRINT.create());
        print.addClassName("ss-print-report");
        print.getElement().setAttribute("title", "Print this view as a one-page report (or save it as PDF)");
        // In the browser, without a round trip: the print dialog must open from the click itself.
        print.getElement().executeJs("this.addEventListener('click', () => window.print())");
        for (Button button : new Button[] {copy, print}) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        Div actions = new Div(copy, print);
        actions.addClassName("ss-page-actions");
        return actions;
    }
}
