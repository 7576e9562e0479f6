package io.splitscope.metrics.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.metrics.project.ProjectFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team's catalog jar, beside a project file or named with --catalog, adds its metrics over the project's sources. */
class CatalogJarsTest {

    @TempDir
    Path folder;

    @Test
    void findsACatalogThroughItsJarsServiceFileOnly() throws IOException {
        Path jar = catalogJar(folder.resolve("team-metrics.jar"));

        assertThat(MetricRepository.found(CatalogJars.classLoader(List.of(jar))))
                .anyMatch(catalog -> catalog.getClass().getName().equals(JarOnlyCatalog.class.getName()));
        assertThat(MetricRepository.found(CatalogJars.classLoader(List.of())))
                .noneMatch(catalog -> catalog.getClass().getName().equals(JarOnlyCatalog.class.getName()));
    }

    @Test
    void listsTheJarsOfTheCatalogsFolderBesideAProjectFile() throws IOException {
        Path catalogs = Files.createDirectories(folder.resolve(CatalogJars.FOLDER));
        Path b = catalogJar(catalogs.resolve("b.jar"));
        Path a = catalogJar(catalogs.resolve("a.jar"));
        Files.writeString(catalogs.resolve("notes.txt"), "not a jar");

        assertThat(CatalogJars.beside(folder.resolve("splitscope.yaml"))).containsExactly(a, b);
        assertThat(CatalogJars.beside(folder.resolve("elsewhere/splitscope.yaml"))).isEmpty();
    }

    @Test
    void namesAJarThatIsNotThere() {
        Path missing = folder.resolve("missing.jar");

        assertThatThrownBy(() -> CatalogJars.classLoader(List.of(missing)))
                .hasMessage("catalog jar " + missing + " does not exist");
    }

    @Test
    void aJavaMetricReadsTheProjectFilesSourceById() throws Exception {
        Path project = copyOfTheUnseenProject();
        catalogJar(Files.createDirectories(project.getParent().resolve(CatalogJars.FOLDER)).resolve("team.jar"));

        var metrics = ProjectFile.read(project, name -> null).orThrow().metrics();

        // the YAML source orders itself, not a copy: the Java metric joins its source's fused scan
        assertThat(metrics.byId("orders_any_status").source()).isSameAs(metrics.byId("orders_per_user").source());
        assertThat(metrics.byId("orders_any_status").source().timestamp()).isEqualTo("timestamp");
    }

    private Path copyOfTheUnseenProject() throws Exception {
        Path source = Path.of(CatalogJarsTest.class.getResource("/projects/unseen/splitscope.yaml").toURI());
        Path copy = Files.createDirectories(folder.resolve("project")).resolve("splitscope.yaml");
        // the warehouse is not opened here: only the file is compiled
        Files.copy(source, copy);
        return copy;
    }

    /** A jar with JarOnlyCatalog's class and a service file that names it. */
    private static Path catalogJar(Path jar) throws IOException {
        String classFile = JarOnlyCatalog.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/services/" + MetricCatalog.class.getName()));
            out.write((JarOnlyCatalog.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry(classFile));
            try (var in = JarOnlyCatalog.class.getClassLoader().getResourceAsStream(classFile)) {
                in.transferTo((OutputStream) out);
            }
        }
        return jar;
    }
}
