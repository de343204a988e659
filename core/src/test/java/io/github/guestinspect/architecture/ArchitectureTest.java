package io.github.guestinspect.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layers of the engine, checked on every build (as analysis-model does with its PackageArchitectureTest). */
class ArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.guestinspect");
    }

    @Test
    void shouldKeepTheEngineFreeOfJenkinsAndOfItsShells() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "io.jenkins..",
                "org.kohsuke..", "io.github.guestinspect.cli..", "picocli..").check(core);
    }

    @Test
    void shouldHaveNoPackageCycles() {
        slices().matching("io.github.guestinspect.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void shouldKeepTheModelAtTheBottom() {
        noClasses().that().resideInAPackage("..model..").should().dependOnClassesThat()
                .resideInAnyPackage("..runner..", "..batch..", "..guest..", "..report..").check(core);
        noClasses().that().resideInAPackage("..guest..").should().dependOnClassesThat()
                .resideInAnyPackage("..runner..", "..batch..", "..report..").check(core);
        noClasses().that().resideInAPackage("..report..").should().dependOnClassesThat()
                .resideInAnyPackage("..runner..", "..batch..").check(core);
    }

    @Test
    void shouldMakeEveryModelValueAnImmutableRecordOrEnum() {
        classes().that().resideInAPackage("..model..").and().areNotNestedClasses()
                .and().doNotHaveSimpleName("ModelMapper").and().doNotHaveSimpleName("ToolVersion").and().doNotHaveSimpleName("package-info")
                .should(beARecordOrEnum()).check(core);
    }

    @Test
    void shouldStartProcessesOnlyInTheRunner() {
        noClasses().that().resideOutsideOfPackage("..runner..").should().dependOnClassesThat()
                .belongToAnyOf(ProcessBuilder.class, Process.class).check(core);
        noClasses().should().callMethod(Runtime.class, "exec", String.class).check(core);
    }

    private static ArchCondition<JavaClass> beARecordOrEnum() {
        return new ArchCondition<>("be a record or an enum") {
            @Override
            public void check(final JavaClass item, final ConditionEvents events) {
                boolean valueType = item.isRecord() || item.isEnum();
                events.add(new SimpleConditionEvent(item, valueType, item.getName() + " is "
                        + (valueType ? "" : "not ") + "a record or enum"));
            }
        };
    }
}
