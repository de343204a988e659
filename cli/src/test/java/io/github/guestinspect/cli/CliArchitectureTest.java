package io.github.guestinspect.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The command line is a thin shell over core: rules that keep it one. */
class CliArchitectureTest {
    private static JavaClasses cli;

    @BeforeAll
    static void importCli() {
        cli = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.guestinspect.cli");
    }

    @Test
    void shouldLeaveEveryChildProcessToTheRunner() {
        noClasses().should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class, Process.class)
                .orShould().callMethodWhere(target(owner(equivalentTo(Runtime.class))).and(target(name("exec"))))
                .because("core's runner puts every process under its time limit, process-tree kill and shutdown"
                        + " hook; a process started here would escape them")
                .check(cli);
    }

    @Test
    void shouldNotKnowTheJenkinsPlugin() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "io.jenkins..",
                        "org.jenkinsci..", "org.kohsuke..")
                .because("the command line and the plugin are two shells over the same core, neither over the other")
                .check(cli);
    }

    @Test
    void shouldKeepNoStaticMutableState() {
        fields().that().areStatic().should().beFinal()
                .because("commands run in-process in the tests, one after another, and must not leak into each other")
                .check(cli);
    }
}
