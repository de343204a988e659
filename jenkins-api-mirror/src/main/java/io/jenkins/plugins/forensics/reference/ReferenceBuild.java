package io.jenkins.plugins.forensics.reference;

import java.io.Serializable;
import java.util.Optional;

import hudson.model.Run;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.StaplerProxy;

/**
 * Mirror of jenkinsci/forensics-api-plugin src/main/java/io/jenkins/plugins/forensics/reference/ReferenceBuild.java
 * (forensics-api 3.1832.va_1179842528b_, commit a1179842528b, the version bom-2.541.x 6916.v15ec97679743 pins):
 * the action {@code discoverReferenceBuild} attaches to a build. The members the plugin calls, and those the
 * interfaces require; the public constructors (the plugin never creates one, a private one stands in),
 * {@code NO_REFERENCE_BUILD}, {@code getReferenceBuildLink}, {@code getOwner}, {@code getMessages},
 * {@code getReferenceLink}, {@code getRequiredResult} and {@code readResolve} are left out.
 */
public class ReferenceBuild implements RunAction2, Serializable, StaplerProxy {
    private static final long serialVersionUID = -4549516129641755356L;

    /** Not upstream's: keeps Java from adding a public no-argument constructor, which upstream does not have. */
    private ReferenceBuild() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @Override
    public void onAttached(final Run<?, ?> run) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @Override
    public void onLoad(final Run<?, ?> run) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public boolean hasReferenceBuild() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public String getReferenceBuildId() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public Optional<Run<?, ?>> getReferenceBuild() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @Override
    public Object getTarget() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
