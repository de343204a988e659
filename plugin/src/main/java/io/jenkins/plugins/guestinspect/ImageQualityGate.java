package io.jenkins.plugins.guestinspect;

import java.io.Serial;
import java.io.Serializable;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.guestinspect.analysis.Criticality;
import io.jenkins.plugins.guestinspect.analysis.GateSpec;
import io.jenkins.plugins.guestinspect.analysis.GateType;
import io.jenkins.plugins.util.QualityGate.QualityGateCriticality;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A quality gate of {@code inspectImages}: {@code [threshold: 1, type: 'NEW_ERROR', criticality: 'FAILURE']}.
 * It fails when the counted violations reach the threshold; the criticality (plugin-util-api's vocabulary) says
 * what that does to the stage and the build.
 */
@SuppressWarnings("deprecation") // AbstractDescribableImpl: what Step and plugin-util-api's QualityGate still extend
public class ImageQualityGate extends AbstractDescribableImpl<ImageQualityGate> implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int threshold;
    private final GateType type;
    private final QualityGateCriticality criticality;

    @DataBoundConstructor
    public ImageQualityGate(final int threshold, final GateType type, final QualityGateCriticality criticality) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1, was " + threshold);
        }
        this.threshold = threshold;
        this.type = type == null ? GateType.TOTAL_ERROR : type;
        this.criticality = criticality == null ? QualityGateCriticality.UNSTABLE : criticality;
    }

    public int getThreshold() {
        return threshold;
    }

    public GateType getType() {
        return type;
    }

    public QualityGateCriticality getCriticality() {
        return criticality;
    }

    /** The Jenkins-free form the evaluator works on. */
    GateSpec toSpec() {
        return new GateSpec(threshold, type, Criticality.valueOf(criticality.name()));
    }

    /** Descriptor: the nested form in the step's configuration and snippet generator. */
    @Extension
    @Symbol("imageQualityGate")
    public static class DescriptorImpl extends Descriptor<ImageQualityGate> {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Image quality gate";
        }

        @POST
        public FormValidation doCheckThreshold(@QueryParameter final String value) {
            return FormValidations.of(io.jenkins.plugins.guestinspect.analysis.Validation.range("The threshold",
                    value, Integer.MAX_VALUE));
        }
    }
}
