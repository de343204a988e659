package hudson.model;

import java.io.File;
import java.io.IOException;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/Run.java (jenkins-2.541.3): the members the plugin uses. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    protected Run(@NonNull JobT job) throws IOException {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @NonNull
    public JobT getParent() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @NonNull
    public File getRootDir() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @NonNull
    public String getUrl() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @CheckForNull
    public Result getResult() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public void setResult(@NonNull Result r) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @CheckForNull
    public RunT getPreviousBuild() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @CheckForNull
    public final RunT getPreviousCompletedBuild() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public final long getTimeInMillis() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public long getDuration() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
