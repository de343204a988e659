package io.jenkins.plugins.guestinspect;

import java.util.List;

import hudson.model.ModelObject;
import hudson.model.Run;
import io.github.guestinspect.model.InspectionResult;
import io.jenkins.plugins.guestinspect.analysis.BuildDetails;
import io.jenkins.plugins.guestinspect.analysis.InspectionSummary;
import io.jenkins.plugins.guestinspect.analysis.ViolationRow;

/** The page {@code <build>/guest-inspect/images}: one card per image, its OS roots, packages and violations. */
public class ImagesPage implements ModelObject {
    private final ImageInspectionBuildAction action;

    ImagesPage(final ImageInspectionBuildAction action) {
        this.action = action;
    }

    @Override
    public String getDisplayName() {
        return "Inspected images";
    }

    public Run<?, ?> getOwner() {
        return action.getOwner();
    }

    public InspectionSummary getSummary() {
        return action.getSummary();
    }

    public List<InspectionResult> getResults() {
        return getDetails().results();
    }

    public List<ViolationRow> violationsOf(final String image) {
        return getDetails().violationsOf(image);
    }

    public List<String> getExpiredWaivers() {
        return getDetails().expiredWaivers();
    }

    /** "1.4 s". */
    public String duration(final long millis) {
        return InspectionSummary.duration(millis);
    }

    private BuildDetails getDetails() {
        return action.getDetails();
    }
}
