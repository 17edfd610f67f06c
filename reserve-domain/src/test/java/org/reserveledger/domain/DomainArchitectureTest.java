package org.reserveledger.domain;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain knows nothing of the web, SQL, Spring, Jackson's data binding or the modules built on it;
 * Axon and Jackson's annotations are all it may use.
 */
@AnalyzeClasses(packages = "org.reserveledger.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnNoFrameworkNorOuterModule = noClasses()
            .that().resideInAPackage("org.reserveledger.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.servlet..",
                    "java.sql..",
                    "javax.sql..",
                    "org.reserveledger.projections..",
                    "org.reserveledger.api..",
                    "tools.jackson..");

    @ArchTest
    static final ArchRule domainUsesOnlyJacksonAnnotations = noClasses()
            .that().resideInAPackage("org.reserveledger.domain..")
            .should().dependOnClassesThat(resideInAPackage("com.fasterxml.jackson..")
                    .and(not(resideInAPackage("com.fasterxml.jackson.annotation.."))));
}
