package io.jenkins.plugins.guestinspect;

import java.io.IOException;
import java.io.Serial;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.guestinspect.analysis.BuildDetails;
import io.jenkins.plugins.guestinspect.analysis.DetailsStore;
import io.jenkins.plugins.guestinspect.analysis.InspectionSummary;
import io.jenkins.plugins.util.AbstractXmlStream;
import io.jenkins.plugins.util.BuildAction;
import io.jenkins.plugins.util.JobAction;

/**
 * The build's image inspection: a summary box on the build page ({@code summary.jelly}), a page at
 * {@code <build>/guest-inspect/} with the gates, and the per-image details at {@code <build>/guest-inspect/images}.
 * The summary lives in {@value #SUMMARY_FILE} (plugin-util-api's BuildAction, re-read on demand), the details
 * (packages, violations) in {@link DetailsStore#FILE_NAME}; neither is in build.xml.
 */
public class ImageInspectionBuildAction extends BuildAction<InspectionSummary> {
    @Serial
    private static final long serialVersionUID = 1L;

    static final String URL_NAME = "guest-inspect";
    static final String ICON = "/plugin/guest-inspect/icons/guest-inspect.svg";
    static final String SUMMARY_FILE = "guest-inspect-summary.xml";

    @CheckForNull
    private transient WeakReference<BuildDetails> details;

    public ImageInspectionBuildAction(final Run<?, ?> owner, final InspectionSummary summary) {
        super(owner, summary);
    }

    @Override
    protected AbstractXmlStream<InspectionSummary> createXmlStream() {
        return new SummaryXmlStream();
    }

    @Override
    protected JobAction<? extends BuildAction<InspectionSummary>> createProjectAction() {
        return new ImageInspectionJobAction(getOwner().getParent());
    }

    @Override
    protected String getBuildResultBaseName() {
        return SUMMARY_FILE;
    }

    @Override
    public String getIconFileName() {
        return ICON;
    }

    @Override
    public String getDisplayName() {
        return "Image inspection";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    public InspectionSummary getSummary() {
        return getResult();
    }

    /** The per-image details, read from the build folder on first use and held weakly. */
    public synchronized BuildDetails getDetails() {
        BuildDetails loaded = details == null ? null : details.get();
        if (loaded == null) {
            try {
                loaded = new DetailsStore().read(getOwner().getRootDir().toPath());
            }
            catch (IOException exception) {
                throw new UncheckedIOException("cannot read the image inspection details of " + getOwner(),
                        exception);
            }
            details = new WeakReference<>(loaded);
        }
        return loaded;
    }

    /** The detail page {@code images}. */
    public ImagesPage getImages() {
        return new ImagesPage(this);
    }

    /** Reads and writes the summary; a broken file reads as an empty summary. */
    static final class SummaryXmlStream extends AbstractXmlStream<InspectionSummary> {
        SummaryXmlStream() {
            super(InspectionSummary.class);
        }

        @Override
        protected InspectionSummary createDefaultValue() {
            return InspectionSummary.empty();
        }
    }
}
