package dev.strata.bootstrap;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;

/**
 * The hexagon's rules. A breach fails the build.
 *
 * <p>Every package of the code base is one of {@link #PACKAGES}, and each of those is governed by
 * the rules below: a class in a package that none names fails {@link #everyPackageIsNamedByARule}.
 */
@AnalyzeClasses(packages = "dev.strata",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    static final String DOMAIN = "dev.strata.domain..";
    /** The whole application module; the packages below are its parts. */
    static final String APPLICATION = "dev.strata.application..";
    /** What both sides of a port share: {@code BuildInfo}, {@code Page}, {@code Settings}. This package only. */
    static final String SHARED = "dev.strata.application";
    /** The use cases: interfaces, their commands, queries and views. */
    static final String PORT_IN = "dev.strata.application.port.in..";
    /** What the use cases need from the outside world: interfaces the driven adapters implement. */
    static final String PORT_OUT = "dev.strata.application.port.out..";
    static final String SERVICES = "dev.strata.application.service..";
    static final String PERSISTENCE = "dev.strata.adapters.persistence..";
    static final String AUTH = "dev.strata.adapters.auth..";
    static final String REST = "dev.strata.adapters.rest..";
    static final String BOOTSTRAP = "dev.strata.bootstrap..";
    /** The node agent: a small hexagon of its own, tied to Strata by the wire contract (API.md §8). */
    static final String AGENT = "dev.strata.agent..";
    static final String AGENT_CORE = "dev.strata.agent";
    static final String AGENT_MODEL = "dev.strata.agent.model..";
    static final String AGENT_PORTS = "dev.strata.agent.ports..";
    static final String AGENT_ADAPTERS = "dev.strata.agent.adapters..";

    /**
     * Every package of the code base. A new package goes here, and into the rules that say what it
     * may use (a new adapter: into {@link #dependenciesPointInward} and one of the adapter rules).
     */
    static final List<String> PACKAGES = List.of(DOMAIN, SHARED, PORT_IN, PORT_OUT, SERVICES, PERSISTENCE, AUTH,
            REST, BOOTSTRAP, AGENT_CORE, AGENT_MODEL, AGENT_PORTS, AGENT_ADAPTERS);

    /** Test fixtures shipped as test-jars (fakes, mothers, contracts) are not production code. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule everyPackageIsNamedByARule = classes().should(resideInARegisteredPackage());

    static ArchCondition<JavaClass> resideInARegisteredPackage() {
        DescribedPredicate<JavaClass> registered = resideInAnyPackage(PACKAGES.toArray(String[]::new));
        return new ArchCondition<>("reside in a package named in ArchitectureTest.PACKAGES") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (!registered.test(type)) {
                    events.add(SimpleConditionEvent.violated(type, "package " + type.getPackageName() + " (of "
                            + type.getName() + ") is named by no architecture rule: register it in PACKAGES of "
                            + ArchitectureTest.class.getName() + " (bootstrap/src/test/java/dev/strata/bootstrap/"
                            + "ArchitectureTest.java) and give it the rules that say what it may use"));
                }
            }
        };
    }

    @ArchTest
    static final ArchRule dependenciesPointInward = onionArchitecture()
            .domainModels(DOMAIN)
            .applicationServices(APPLICATION)
            .adapter("persistence", PERSISTENCE)
            .adapter("auth", AUTH)
            .adapter("rest", REST)
            .withOptionalLayers(true)
            .ignoreDependency(resideInAPackage(BOOTSTRAP), DescribedPredicate.alwaysTrue())
            .because("domain ← application ← each adapter; no adapter uses another; bootstrap wires them all");

    @ArchTest
    static final ArchRule theRestAdapterOnlyCallsUseCases = classes()
            .that().resideInAPackage(REST)
            .should().onlyDependOnClassesThat(
                    resideOutsideOfPackage(APPLICATION).or(resideInAnyPackage(PORT_IN, SHARED)))
            .because("a driving adapter calls use cases through port.in (interfaces, commands, views) and the"
                    + " shared application types, never a service class or an out-port");

    @ArchTest
    static final ArchRule drivenAdaptersOnlyImplementOutPorts = classes()
            .that().resideInAnyPackage(PERSISTENCE, AUTH)
            .should().onlyDependOnClassesThat(
                    resideOutsideOfPackage(APPLICATION).or(resideInAnyPackage(PORT_OUT, SHARED)))
            .because("a driven adapter implements port.out interfaces and uses the shared application types,"
                    + " never a service class or a use case");

    @ArchTest
    static final ArchRule portsNeverDependOnServices = noClasses()
            .that().resideInAnyPackage(PORT_IN, PORT_OUT)
            .should().dependOnClassesThat().resideInAPackage(SERVICES)
            .because("ports are the application's edges; services implement them, never the other way round");

    @ArchTest
    static final ArchRule sharedTypesStandAlone = classes()
            .that().resideInAPackage(SHARED)
            .should().onlyDependOnClassesThat().resideInAnyPackage(SHARED, DOMAIN, "java..")
            .because("the types both sides of a port share depend on nothing else of the application");

    @ArchTest
    static final ArchRule theAgentKnowsStrataOnlyByTheWire = noClasses()
            .that().resideInAPackage(AGENT)
            .should().dependOnClassesThat().resideInAnyPackage(APPLICATION, "dev.strata.adapters..", BOOTSTRAP)
            .because("the agent runs on a storage node and knows Strata only through API.md §8 (and the domain's"
                    + " shared value types)");

    @ArchTest
    static final ArchRule theAgentsCoreUsesItsPortsNotItsAdapters = noClasses()
            .that().resideInAnyPackage(AGENT_CORE, AGENT_MODEL, AGENT_PORTS)
            .and().doNotHaveSimpleName("NodeAgent")
            .should().dependOnClassesThat().resideInAPackage(AGENT_ADAPTERS)
            .because("the reconciler drives the control plane, the backing store and the target through ports;"
                    + " NodeAgent is the agent's own wiring");

    @ArchTest
    static final ArchRule onlyBootstrapWires = noClasses()
            .that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP);

    @ArchTest
    static final ArchRule theDomainIsAPlainLibrary = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain must stay reusable as a plain library");

    @ArchTest
    static final ArchRule theCoreImportsNoFramework = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.ws..", "javax.inject..",
                    "com.fasterxml..", "org.jdbi..", "org.glassfish..", "java.sql..", "javax.sql..", "picocli..",
                    "org.slf4j..", "ch.qos..", "org.flywaydb..", "org.sqlite..", "org.bouncycastle..");

    @ArchTest
    static final ArchRule sqlStaysInPersistence = noClasses()
            .that().resideOutsideOfPackage(PERSISTENCE)
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
