package io.splitscope.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The structure of the main code of every module (README, "How it is built"), checked on the
 * compiled classes: the modules are layers in the order of the data flow, no package depends on
 * itself through others, the statistics never see SQL or a web framework, and the warehouse API
 * names no engine.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS) // target/test-classes
                .withImportOption(location -> !location.contains("-tests.jar")) // the modules' test-jars
                .importPackages("io.splitscope");
    }

    @Test
    void modulesAreLayersInTheOrderOfTheDataFlow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("sql").definedBy("io.splitscope.sql..")
                .layer("stats").definedBy("io.splitscope.stats..")
                .layer("metrics-repo").definedBy("io.splitscope.metrics..")
                .layer("analysis").definedBy("io.splitscope", "io.splitscope.analysis..")
                .layer("webapp").definedBy("io.splitscope.app..")
                .whereLayer("webapp").mayNotBeAccessedByAnyLayer()
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("webapp")
                .whereLayer("metrics-repo").mayOnlyBeAccessedByLayers("analysis", "webapp")
                .whereLayer("stats").mayOnlyBeAccessedByLayers("metrics-repo", "analysis", "webapp")
                .whereLayer("sql").mayOnlyBeAccessedByLayers("metrics-repo", "analysis", "webapp")
                .check(classes);
    }

    @Test
    void noPackageIsInACycle() {
        slices().matching("io.splitscope.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void statisticsSeeNeitherSqlNorAWebFramework() {
        noClasses().that().resideInAPackage("io.splitscope.stats..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..",
                        "io.splitscope.sql..", "com.vaadin..", "org.springframework..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void theWarehouseApiNamesNoEngine() {
        // Warehouses finds the engines through ServiceLoader (META-INF/services/io.splitscope.sql.WarehouseEngine)
        noClasses().that().resideInAPackage("io.splitscope.sql")
                .should().dependOnClassesThat().resideInAnyPackage("io.splitscope.sql.duckdb..",
                        "io.splitscope.sql.postgres..", "io.splitscope.sql.trino..")
                .check(classes);
    }

    @Test
    void onlyTheWebAppKnowsSpringAndVaadin() {
        noClasses().that().resideOutsideOfPackage("io.splitscope.app..")
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "org.springframework..", "jakarta.servlet..")
                .check(classes);
    }
}
