package io.splitscope.app.web;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page around every view: Lumo with its utility classes, Splitscope's own styles
 * ({@code META-INF/resources/styles.css}: Vaadin's security configuration serves that path to
 * everyone, the log-in page included) and the page's metadata. Server push is on, so that
 * analyses finished in the background reach the page without a reload.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles.css")
public final class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Splitscope");
        settings.addMetaTag("description", "Splitscope: A/B-test scorecards");
    }
}
