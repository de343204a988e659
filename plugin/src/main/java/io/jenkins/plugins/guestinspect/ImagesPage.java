package io.jenkins.plugins.guestinspect;

import java.util.List;

import hudson.model.ModelObject;
import hudson.model.Run;
import io.github.guestinspect.diff.PackageChange;
import io.github.guestinspect.model.InspectionResult;
import io.jenkins.plugins.guestinspect.analysis.BuildDetails;
import io.jenkins.plugins.guestinspect.analysis.InspectionSummary;
import io.jenkins.plugins.guestinspect.analysis.ViolationRow;

/**
 * The page {@code <build>/guest-inspect/images}: one section per image with its OS roots, packages, package changes
 * against the reference build and violations with their state (new, outstanding, waived; fixed ones listed). The
 * details are read from the build folder when the page is shown.
 */
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

    /** The image's violations, each with its state against the reference build. */
    public List<ViolationRow> violationsOf(final String image) {
        return getDetails().violationsOf(image);
    }

    /** The reference build's violations this image no longer has. */
    public List<ViolationRow> fixedOf(final String image) {
        return getDetails().fixedOf(image);
    }

    /** The reference build's violations of images this build no longer inspects. */
    public List<ViolationRow> getFixedOfOtherImages() {
        return getDetails().fixedOfOtherImages();
    }

    /** Whether the image was compared with the reference build. */
    public boolean isCompared(final String image) {
        return getDetails().isCompared(image);
    }

    /** The image's package changes against the reference build, by name. */
    public List<PackageChange> packageChangesOf(final String image) {
        return getDetails().packageChangesOf(image);
    }

    /** Whether this build has a reference build (violations then have a state). */
    public boolean isReferenced() {
        return getSummary().getComparison().isPresent();
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
