package io.github.guestinspect.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.github.guestinspect.report.html.HtmlReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

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
                        "org.jenkinsci..", "org.kohsuke..", "io.github.guestinspect.cli..", "picocli..")
                .because("core is the Jenkins-free engine that the command line and the plugin"
                        + " (io.jenkins.plugins.guestinspect) adapt; it must run and be tested without either")
                .check(core);
    }

    @Test
    void shouldHaveNoPackageCycles() {
        slices().matching("io.github.guestinspect.(*)..").should().beFreeOfCycles()
                .because("each concern lives in one package that can be read and tested on its own").check(core);
    }

    @Test
    void shouldKeepTheModelAtTheBottom() {
        String because = "the model and the parsers of untrusted guest files are plain data and code: they must"
                + " not reach the processes of the runner or the batch logic, nor the exporters";
        noClasses().that().resideInAPackage("..model..").should().dependOnClassesThat()
                .resideInAnyPackage("..runner..", "..batch..", "..guest..", "..report..").because(because).check(core);
        noClasses().that().resideInAPackage("..guest..").should().dependOnClassesThat()
                .resideInAnyPackage("..runner..", "..batch..", "..report..").because(because).check(core);
        noClasses().that().resideInAPackage("..report..").should().dependOnClassesThat()
                .resideInAnyPackage("..runner..", "..batch..").because(because).check(core);
    }

    @Test
    void shouldMakeEveryModelValueAnImmutableRecordOrEnum() {
        classes().that().resideInAPackage("..model..").and().areNotNestedClasses()
                .and().doNotHaveSimpleName("ModelMapper").and().doNotHaveSimpleName("ToolVersion").and().doNotHaveSimpleName("package-info")
                .should(beARecordOrEnum())
                .because("results are cached, shared between threads and compared by value (ModelMapper and"
                        + " ToolVersion are helpers with static methods only)")
                .check(core);
    }

    @Test
    void shouldCopyEveryCollectionOfAModelRecordAndHoldNoArrays() {
        classes().that().resideInAPackage("..model..").should(copyTheirCollectionsAndHoldNoArrays())
                .because("a result must not change after it was made, whoever holds the list it was made from")
                .check(core);
    }

    @Test
    void shouldFlagAModelRecordThatKeepsTheCallersListOrAnArray() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(Copying.class, KeepsTheList.class,
                HoldsAnArray.class);

        assertThat(classes().should(copyTheirCollectionsAndHoldNoArrays()).evaluate(fixtures).getFailureReport()
                .getDetails()).hasSize(2)
                .anySatisfy(line -> assertThat(line).contains(KeepsTheList.class.getName(), "List.copyOf"))
                .anySatisfy(line -> assertThat(line).contains(HoldsAnArray.class.getName(), "array"));
    }

    @Test
    void shouldStartProcessesOnlyInTheRunner() {
        noClasses().that().resideOutsideOfPackage("..runner..").should().dependOnClassesThat()
                .belongToAnyOf(ProcessBuilder.class, Process.class)
                .orShould().callMethodWhere(target(owner(equivalentTo(Runtime.class))).and(target(name("exec"))))
                .because("the runner puts every child process under its time limit, its process-tree kill and its"
                        + " shutdown hook, so no qemu or guestfish is ever left running")
                .check(core);
    }

    @Test
    void shouldKeepNoStaticMutableState() {
        fields().that().areStatic().and().doNotHaveFullName(HtmlReport.class.getName() + "$Echarts.script")
                .should().beFinal()
                .because("the engine runs several inspections, agents and Jenkins builds in one JVM; the one"
                        + " exception caches a constant resource (the ECharts script) that is the same for all")
                .check(core);
    }

    /** A model record copies each List, Set and Map it is given (List.copyOf ...) and holds no array. */
    private static ArchCondition<JavaClass> copyTheirCollectionsAndHoldNoArrays() {
        return new ArchCondition<>("copy every List, Set and Map component and hold no array") {
            @Override
            public void check(final JavaClass item, final ConditionEvents events) {
                if (!item.isRecord()) {
                    return;
                }
                for (JavaField field : item.getFields()) {
                    if (field.getModifiers().contains(JavaModifier.STATIC)) {
                        continue;
                    }
                    JavaClass type = field.getRawType();
                    if (type.isArray()) {
                        events.add(SimpleConditionEvent.violated(item, item.getName() + " holds the array "
                                + field.getName() + ": arrays can always be changed; use a List"));
                    }
                    for (Class<?> collection : List.of(List.class, Set.class, Map.class)) {
                        if (type.isEquivalentTo(collection) && copies(item, collection) < fieldsOf(item, collection)) {
                            events.add(SimpleConditionEvent.violated(item, item.getName() + " keeps the "
                                    + collection.getSimpleName() + " " + field.getName() + " it was given: wrap it in "
                                    + collection.getSimpleName() + ".copyOf in the constructor"));
                        }
                    }
                }
            }
        };
    }

    private static long fieldsOf(final JavaClass record, final Class<?> collection) {
        return record.getFields().stream().filter(field -> field.getRawType().isEquivalentTo(collection)).count();
    }

    private static long copies(final JavaClass record, final Class<?> collection) {
        return record.getConstructors().stream().flatMap(constructor -> constructor.getMethodCallsFromSelf().stream())
                .filter(call -> call.getTargetOwner().isEquivalentTo(collection) && "copyOf".equals(call.getName()))
                .count();
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

    /** Fixtures for the collection rule: one record that obeys it and two that break it. */
    record Copying(List<String> names, Map<String, Long> sizes) {
        Copying {
            names = List.copyOf(names);
            sizes = Map.copyOf(sizes);
        }
    }

    record KeepsTheList(List<String> names, Set<String> tags) {
        KeepsTheList {
            tags = Set.copyOf(tags);
        }
    }

    record HoldsAnArray(byte[] content) {
    }
}
