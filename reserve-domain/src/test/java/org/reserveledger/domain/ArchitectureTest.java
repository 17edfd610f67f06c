package org.reserveledger.domain;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain knows nothing of the web, SQL, Spring or the read models.
 */
class ArchitectureTest {

    private final JavaClasses domain = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.reserveledger.domain");

    @Test
    void theDomainDependsOnNoFrameworkButAxonAndJacksonAnnotations() {
        noClasses().that().resideInAPackage("org.reserveledger.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        "java.sql..", "javax.sql..", "tools.jackson..", "org.reserveledger.projections..",
                        "org.reserveledger.api..")
                .check(domain);
    }
}
