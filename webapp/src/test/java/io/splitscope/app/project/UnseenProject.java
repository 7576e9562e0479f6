package io.splitscope.app.project;

import io.splitscope.metrics.project.Project;
import io.splitscope.metrics.project.ProjectFile;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The unseen project ({@code src/test/resources/projects/unseen}): a warehouse Splitscope was not
 * written for — string ids, columns named {@code group} and {@code timestamp}, variant names with
 * spaces, three arms, tables and an assignment without timestamps, a {@code sql:} source — with
 * reference scorecards computed by an independent R implementation of the specs
 * ({@code reference.R}, see its README): the one place tests find it.
 */
final class UnseenProject {

    private UnseenProject() {
    }

    /** The fixture's folder. */
    static Path folder() {
        try {
            return Path.of(UnseenProject.class.getResource("/projects/unseen").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Its project file. */
    static Path file() {
        return folder().resolve("splitscope.yaml");
    }

    /** The project as its file describes it, over its folder of CSV files. */
    static Project project() {
        return ProjectFile.load(file());
    }

    /** A reference scorecard of reference.R, e.g. {@code checkout_v2.json}. */
    static Path expected(String file) {
        return folder().resolve("expected").resolve(file);
    }
}
