package io.splitscope.app.web;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page around every view: Lumo with its utility classes, Splitscope's own few styles
 * ({@code META-INF/resources/splitscope.css}) and the page's metadata.
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("splitscope.css")
public final class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Splitscope");
        settings.addMetaTag("description", "Splitscope: A/B-test scorecards");
    }
}
