package io.jenkins.plugins.guestinspect.archunit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.guestinspect.StepFacade;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Jenkins-specific rules, after warnings-ng's PluginArchitectureTest, plus the plugin's own layering: Jenkins is
 * reached only through {@link StepFacade}, and the {@code analysis} package knows nothing of Jenkins.
 */
class PluginArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.guestinspect");
    }

    @Test
    void shouldNotUseJenkinsGetInstance() {
        check(noClasses().should().callMethod("jenkins.model.Jenkins", "getInstance")
                .because("Jenkins.get() (through the facade) replaces the deprecated getInstance()"));
    }

    @Test
    void shouldProtectFormEndpointsWithPost() {
        check(methods().that().haveNameMatching("doCheck.*|doFill.*").should().beAnnotatedWith(POST.class)
                .because("form validation and fill endpoints must only answer POST requests (CSRF)"));
    }

    @Test
    void shouldUseDataBoundAnnotationsOnlyInPublicClasses() {
        String because = "Stapler binds Pipeline parameters through these by reflection, which needs public access";
        check(constructors().that().areAnnotatedWith(DataBoundConstructor.class).should().bePublic()
                .andShould().beDeclaredInClassesThat().arePublic().because(because));
        check(methods().that().areAnnotatedWith(DataBoundSetter.class).should().bePublic()
                .andShould().beDeclaredInClassesThat().arePublic().because(because));
    }

    @Test
    void shouldReachJenkinsOnlyThroughTheFacadeAndTheAgentsAdapter() {
        check(noClasses().that().doNotBelongToAnyOf(StepFacade.class)
                .and().resideOutsideOfPackage("..guestinspect.agents..")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.base.DescribedPredicate.describe("Jenkins context types",
                                        owner -> owner.isEquivalentTo(StepContext.class)
                                                || owner.isEquivalentTo(FilePath.class)
                                                || owner.isEquivalentTo(FlowNode.class)
                                                || owner.getName().equals("jenkins.model.Jenkins")))))
                .orShould().callMethod(Run.class, "setResult", Result.class)
                .because("the step's Jenkins access goes through StepFacade, which unit tests mock, and the agents"
                        + " package, which adapts the build queue and nodes to core's scheduler"));
    }

    @Test
    void shouldTouchTheOptionalForensicsPluginOnlyWhereTheFacadeChecksItIsInstalled() {
        check(noClasses().that().doNotHaveFullyQualifiedName(StepFacade.class.getName() + "$Forensics")
                .should().dependOnClassesThat().resideInAPackage("io.jenkins.plugins.forensics..")
                .because("forensics-api is an optional dependency: its classes may only be loaded after"
                        + " StepFacade.isForensicsActive() said it is installed"));
    }

    @Test
    void shouldKeepTheAnalysisAndRemotePackagesFreeOfJenkins() {
        check(noClasses().that().resideInAnyPackage("..guestinspect.analysis..", "..guestinspect.remote..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..",
                        "io.jenkins.plugins.util..", "io.jenkins.plugins.echarts..",
                        "io.jenkins.plugins.forensics..")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.jenkins.plugins.guestinspect",
                        "..guestinspect.agents..")
                .because("the build and job summaries, trends, gates, the payloads that cross the channel and the"
                        + " work on the far side are computed from core's results alone, so they are tested without"
                        + " Jenkins"));
    }

    @Test
    void shouldLeaveEveryChildProcessToCoresRunner() {
        check(noClasses().should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class, Process.class)
                .orShould().callMethodWhere(target(owner(equivalentTo(Runtime.class))).and(target(name("exec"))))
                .orShould().dependOnClassesThat().haveNameMatching("hudson\\.(Launcher|Proc)(\\$.*)?")
                .because("images are inspected by core's runner on the agent (FilePath.act), which puts every qemu and"
                        + " guestfish under its time limit and process-tree kill; a process started here would not be"));
    }

    @Test
    void shouldUseCoreNotTheCommandLine() {
        check(noClasses().should().dependOnClassesThat().resideInAPackage("io.github.guestinspect.cli..")
                .because("the plugin and the command line are two shells over the same core, neither over the other"));
    }

    @Test
    void shouldKeepNoStaticMutableState() {
        check(fields().that().areStatic().should().beFinal()
                .because("one Jenkins controller runs many builds of many jobs at once in one JVM"));
    }

    private static void check(final ArchRule rule) {
        rule.check(classes);
    }
}
