package dev.strata.bootstrap;

import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The hexagon's rules. A breach fails the build. */
@AnalyzeClasses(packages = "dev.strata",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    /**
     * The rules are about production code. {@code DoNotIncludeTests} knows test-classes folders but
     * not test-jars, and in a full build the application's shared test code (fakes, contracts,
     * mothers) arrives as one.
     */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar!/.*"));
        }
    }

    @ArchTest
    static final ArchRule dependenciesPointInward = onionArchitecture()
            .domainModels("dev.strata.domain..")
            .applicationServices("dev.strata.application..")
            .adapter("persistence", "dev.strata.adapters.persistence..")
            .adapter("auth", "dev.strata.adapters.auth..")
            .adapter("rest", "dev.strata.adapters.rest..")
            .withOptionalLayers(true)
            .ignoreDependency(resideInAPackage("dev.strata.bootstrap.."), DescribedPredicate.alwaysTrue())
            .because("domain ← application ← each adapter; no adapter uses another; bootstrap wires them all");

    @ArchTest
    static final ArchRule onlyBootstrapWires = noClasses()
            .that().resideOutsideOfPackage("dev.strata.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("dev.strata.bootstrap..");

    @ArchTest
    static final ArchRule theDomainIsAPlainLibrary = classes()
            .that().resideInAPackage("dev.strata.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.strata.domain..", "java..")
            .because("the domain must stay reusable as a plain library");

    @ArchTest
    static final ArchRule theCoreImportsNoFramework = noClasses()
            .that().resideInAnyPackage("dev.strata.domain..", "dev.strata.application..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.ws..", "javax.inject..",
                    "com.fasterxml..", "org.jdbi..", "org.glassfish..", "java.sql..", "javax.sql..", "picocli..",
                    "org.slf4j..", "ch.qos..", "org.flywaydb..", "org.sqlite..", "org.bouncycastle..");

    @ArchTest
    static final ArchRule sqlStaysInPersistence = noClasses()
            .that().resideOutsideOfPackage("dev.strata.adapters.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "org.sqlite..",
                    "org.flywaydb..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.strata.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noFieldInjection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule theServerDoesNotPrint = noClasses()
            .that().resideOutsideOfPackage("dev.strata.bootstrap.cli..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("the server logs through SLF4J; only the CLI talks to the terminal");
}
