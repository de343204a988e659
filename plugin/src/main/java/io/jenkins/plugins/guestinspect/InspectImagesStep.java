package io.jenkins.plugins.guestinspect;

import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.labels.LabelExpression;
import hudson.util.FormValidation;
import io.jenkins.plugins.guestinspect.analysis.Validation;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code inspectImages 'out/*.qcow2'}: inspects the VM disk images the glob matches in the workspace, evaluates an
 * optional policy, writes JUnit XML, publishes the results on the build and job pages, applies the quality gates,
 * and returns a summary (a Map) for Scripted Pipeline.
 */
public class InspectImagesStep extends Step {
    static final int DEFAULT_BATCH_SIZE = 4;
    static final int DEFAULT_TIMEOUT = 1800;

    private final String images;
    private String agents = "";
    private String policy = "";
    private boolean cache = true;
    private int maxParallel = 1;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private int timeout = DEFAULT_TIMEOUT;
    private boolean failOnError = true;
    @CheckForNull
    private List<ImageQualityGate> qualityGates;

    /**
     * @param images an Ant glob relative to the workspace, such as {@code out/**}{@code /*.qcow2}
     */
    @DataBoundConstructor
    public InspectImagesStep(final String images) {
        Validation.images(images).ifPresent(message -> {
            throw new IllegalArgumentException("images: " + message);
        });
        this.images = images.trim();
    }

    public String getImages() {
        return images;
    }

    public String getAgents() {
        return agents;
    }

    /** A label expression of the agents to spread the images over; empty: the current node only. */
    @DataBoundSetter
    public void setAgents(final String agents) {
        this.agents = agents == null ? "" : agents.trim();
    }

    public String getPolicy() {
        return policy;
    }

    /** A policy file (YAML) relative to the workspace; empty: no policy. */
    @DataBoundSetter
    public void setPolicy(final String policy) {
        Validation.policy(policy).ifPresent(message -> {
            throw new IllegalArgumentException("policy: " + message);
        });
        this.policy = policy == null ? "" : policy.trim();
    }

    public boolean isCache() {
        return cache;
    }

    @DataBoundSetter
    public void setCache(final boolean cache) {
        this.cache = cache;
    }

    public int getMaxParallel() {
        return maxParallel;
    }

    @DataBoundSetter
    public void setMaxParallel(final int maxParallel) {
        this.maxParallel = Validation.checked("maxParallel", maxParallel, Validation.MAX_PARALLEL);
    }

    public int getBatchSize() {
        return batchSize;
    }

    @DataBoundSetter
    public void setBatchSize(final int batchSize) {
        this.batchSize = Validation.checked("batchSize", batchSize, Validation.MAX_BATCH);
    }

    public int getTimeout() {
        return timeout;
    }

    /** Seconds one appliance batch may take. */
    @DataBoundSetter
    public void setTimeout(final int timeout) {
        this.timeout = Validation.checked("timeout", timeout, Validation.MAX_TIMEOUT);
    }

    public boolean isFailOnError() {
        return failOnError;
    }

    @DataBoundSetter
    public void setFailOnError(final boolean failOnError) {
        this.failOnError = failOnError;
    }

    /** The configured gates; null when none were given (then a policy's errors fail the build). */
    @CheckForNull
    public List<ImageQualityGate> getQualityGates() {
        return qualityGates == null ? null : List.copyOf(qualityGates);
    }

    @DataBoundSetter
    public void setQualityGates(final List<ImageQualityGate> qualityGates) {
        this.qualityGates = qualityGates == null ? null : new ArrayList<>(qualityGates);
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new Execution(context, this);
    }

    /** Runs the inspection on a background thread (the step may take many minutes). */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final transient InspectImagesStep step;

        Execution(final StepContext context, final InspectImagesStep step) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            return new ImageInspection(new StepFacade(getContext()), step).run();
        }
    }

    /** Descriptor: the function name, the required context and the form checks. */
    @Extension
    @Symbol("inspectImages")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "inspectImages";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Inspect VM disk images (guest-inspect)";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, FlowNode.class);
        }

        @POST
        public FormValidation doCheckImages(@QueryParameter final String value) {
            return FormValidations.of(Validation.images(value));
        }

        /** The label expression of the agents: parses, and some node or cloud has it (Jenkins' own check). */
        @POST
        public FormValidation doCheckAgents(@AncestorInPath final Job<?, ?> job, @QueryParameter final String value) {
            if (job != null && !job.hasPermission(Item.CONFIGURE)) {
                return FormValidation.ok();
            }
            return LabelExpression.validate(value, job);
        }

        @POST
        public FormValidation doCheckPolicy(@QueryParameter final String value) {
            return FormValidations.of(Validation.policy(value));
        }

        @POST
        public FormValidation doCheckMaxParallel(@QueryParameter final String value) {
            return FormValidations.of(Validation.range("maxParallel", value, Validation.MAX_PARALLEL));
        }

        @POST
        public FormValidation doCheckBatchSize(@QueryParameter final String value) {
            return FormValidations.of(Validation.range("batchSize", value, Validation.MAX_BATCH));
        }

        @POST
        public FormValidation doCheckTimeout(@QueryParameter final String value) {
            return FormValidations.of(Validation.range("timeout", value, Validation.MAX_TIMEOUT));
        }
    }
}
