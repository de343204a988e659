package hudson.model;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/Job.java (jenkins-2.541.3): the members the plugin uses. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem {
    /** Not upstream's: keeps Java from adding a public no-argument constructor, which upstream does not have. */
    private Job() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public RunT getLastBuild() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public RunT getLastCompletedBuild() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public RunT getLastSuccessfulBuild() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
