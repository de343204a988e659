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

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
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
        check(constructors().that().areAnnotatedWith(DataBoundConstructor.class).should().bePublic()
                .andShould().beDeclaredInClassesThat().arePublic());
        check(methods().that().areAnnotatedWith(DataBoundSetter.class).should().bePublic()
                .andShould().beDeclaredInClassesThat().arePublic());
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
                        "..guestinspect.agents.."));
    }

    private static void check(final ArchRule rule) {
        rule.check(classes);
    }
}
