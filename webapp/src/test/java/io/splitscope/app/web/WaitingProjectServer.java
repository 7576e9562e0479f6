package io.splitscope.app.web;

import io.splitscope.analysis.WaitingProject;
import io.splitscope.metrics.project.ProjectFile;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code serve --project} on {@link WaitingProject} (experiments with nothing to compare yet), with
 * the demo users, for the tests over HTTP and in a browser.
 */
public final class WaitingProjectServer {

    private WaitingProjectServer() {
    }

    /** Writes the project into {@code folder}/project, keeps results in {@code folder}/results, and starts the app on a free port. */
    public static ConfigurableApplicationContext start(Path folder) {
        Path project = WaitingProject.writeTo(folder.resolve("project"));
        return SplitscopeWebApplication.run(ServeSettings.of(ProjectFile.load(project)).withPort(0).withDemoUsers(true)
                .withResultsLocation(folder.resolve("results").toString()));
    }

}
