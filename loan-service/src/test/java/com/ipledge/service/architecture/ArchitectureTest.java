package com.ipledge.service.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The boundaries of issue 15, stated once so that they cannot blur again: the engines stay plain Java, the
 * features of the service do not form cycles, a repository is its feature's own business, controllers talk to
 * services, and only the web edge knows HTTP statuses.
 */
@AnalyzeClasses(packages = {"com.ipledge.service", "com.ipledge.valuation", "com.ipledge.rules", "com.ipledge.risk"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule enginesAreFrameworkFree = noClasses()
            .that().resideInAnyPackage("com.ipledge.valuation..", "com.ipledge.rules..", "com.ipledge.risk..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.micronaut..", "jakarta..", "org.jooq..", "java.sql..")
            .because("the engines are pure functions of their inputs, usable without the service");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices()
            .matching("com.ipledge.service.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule repositoriesStayInTheirFeature = classes()
            .that().haveSimpleNameEndingWith("Repository")
            .should(beAccessedOnlyFromTheirOwnPackage())
            .because("another feature asks the owning feature's service, not its tables");

    @ArchTest
    static final ArchRule controllersCallServices = noClasses()
            .that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..")
            .because("a controller maps HTTP onto a service; data access is the service's concern");

    @ArchTest
    static final ArchRule httpStatusesStayAtTheEdge = noClasses()
            .that().resideOutsideOfPackage("com.ipledge.service.web..")
            .should().dependOnClassesThat().haveFullyQualifiedName("com.ipledge.service.web.ApiProblem")
            .because("services say what went wrong in the domain's terms (problem.DomainProblem); which HTTP status "
                    + "that is gets decided once, at the edge");

    @ArchTest
    static final ArchRule settingsAreTyped = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("io.micronaut.context.annotation.Value")
            .because("a setting is a field of a @ConfigurationProperties record whose default lives once, in "
                    + "application.yml, not a placeholder string with its own default at each injection point");

    @ArchTest
    static final ArchRule domainProblemsKnowNoTransport = noClasses()
            .that().resideInAPackage("com.ipledge.service.problem..")
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..", "com.ipledge.service.web..")
            .because("a domain problem is thrown by services, batch rows and jobs alike, none of which speak HTTP");

    @ArchTest
    static final ArchRule idempotentRoutesNameTheirCaller = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .methods().that().areAnnotatedWith("com.ipledge.service.idempotency.Idempotent")
            .should(new ArchCondition<>("declare a Caller parameter") {
                @Override
                public void check(com.tngtech.archunit.core.domain.JavaMethod method, ConditionEvents events) {
                    boolean hasCaller = method.getRawParameterTypes().stream()
                            .anyMatch(t -> t.isEquivalentTo(com.ipledge.service.security.Caller.class));
                    if (!hasCaller) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                + " is @Idempotent without a Caller parameter"));
                    }
                }
            })
            .because("an idempotency key is scoped to the caller that sent it");

    private static ArchCondition<JavaClass> beAccessedOnlyFromTheirOwnPackage() {
        return new ArchCondition<>("be accessed only from their own package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                    JavaClass origin = dependency.getOriginClass();
                    if (!origin.getPackageName().equals(repository.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
