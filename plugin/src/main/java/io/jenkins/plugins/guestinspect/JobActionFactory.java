package io.jenkins.plugins.guestinspect;

import java.util.Collection;
import java.util.Set;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import jenkins.model.TransientActionFactory;

/**
 * Shows the job action (and its charts) also when the last successful build has no inspection, for example
 * because every recent build failed a gate: core's LastBuildActionFactory only looks at the last successful build.
 */
@Extension
@SuppressWarnings("rawtypes") // the extension point is declared for the raw Job type, as in core
public class JobActionFactory extends TransientActionFactory<Job> {
    /** How far back a failed build may be to still show the charts. */
    static final int LOOK_BACK = 10;

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull final Job target) {
        Run<?, ?> successful = target.getLastSuccessfulBuild();
        if (successful != null && successful.getAction(ImageInspectionBuildAction.class) != null) {
            return Set.of(); // core's LastBuildActionFactory already adds it
        }
        Run<?, ?> build = target.getLastCompletedBuild();
        for (int i = 0; build != null && i < LOOK_BACK; i++, build = build.getPreviousBuild()) {
            if (build.getAction(ImageInspectionBuildAction.class) != null) {
                return Set.of(new ImageInspectionJobAction(target));
            }
        }
        return Set.of();
    }
}
