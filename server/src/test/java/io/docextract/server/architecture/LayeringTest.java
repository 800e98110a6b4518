package io.docextract.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;

/** The layering of ARCHITECTURE.md, checked on every build. */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.docextract");
    }

    @Test
    void engineNeverSeesSpringOrTheServer() {
        noClasses()
                .that()
                .resideInAPackage("io.docextract.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "io.docextract.server..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void controllersNeverTouchSql() {
        noClasses()
                .that()
                .resideInAPackage("io.docextract.server.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..")
                .orShould()
                .dependOnClassesThat()
                .areAnnotatedWith(Repository.class)
                .check(classes);
    }

    @Test
    void onlyStorageKnowsTheDatabase() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.docextract.server.storage..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.sqlite..", "org.postgresql..", "com.zaxxer.hikari..", "org.flywaydb..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("javax.sql.DataSource")
                .check(classes);
    }

    @Test
    void sqlLivesInRepositories() {
        noClasses()
                .that()
                .resideInAPackage("io.docextract.server..")
                .and()
                .areNotAnnotatedWith(Repository.class)
                .and()
                .resideOutsideOfPackage("io.docextract.server.storage..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc.core..", "java.sql..")
                .check(classes);
    }

    @Test
    void noCatchAllPackages() {
        classes()
                .should()
                .resideOutsideOfPackages("..util..", "..utils..", "..common..", "..helper..", "..helpers..")
                .check(classes);
    }
}
