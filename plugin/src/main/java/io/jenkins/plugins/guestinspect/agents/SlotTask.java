package io.jenkins.plugins.guestinspect.agents;

import java.io.IOException;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.Label;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import org.springframework.security.core.Authentication;

/**
 * One executor that an image inspection asks the build queue for, as the {@code node} step's placeholder task does:
 * it carries the step's label, shows as part of its build, may be cancelled by whoever may cancel the build, is
 * scheduled with the build's authentication (so agent restrictions apply), and is never persisted (a restart ends
 * the step, which can be re-run: results are cached).
 */
public final class SlotTask implements Queue.TransientTask, AccessControlled {
    private final transient QueueAgentSource.Slots slots;
    private final transient Label label;
    private final transient Run<?, ?> run;
    private final transient Authentication authentication;
    private final int number;

    SlotTask(final QueueAgentSource.Slots slots, final Label label, final Run<?, ?> run,
             final Authentication authentication, final int number) {
        this.slots = slots;
        this.label = label;
        this.run = run;
        this.authentication = authentication;
        this.number = number;
    }

    QueueAgentSource.Slots slots() {
        return slots;
    }

    @Override
    public Label getAssignedLabel() {
        return label;
    }

    @Override
    public String getName() {
        return getDisplayName();
    }

    @Override
    public String getDisplayName() {
        return "image inspection " + number + " of " + run.getFullDisplayName();
    }

    @Override
    public String getFullDisplayName() {
        return getDisplayName();
    }

    @Override
    public String getUrl() {
        return run.getUrl();
    }

    @Override
    public Queue.Executable getOwnerExecutable() {
        return run instanceof Queue.Executable executable ? executable : null;
    }

    @Override
    public Queue.Executable createExecutable() throws IOException {
        return new Slot(this);
    }

    @NonNull
    @Override
    public ACL getACL() {
        return run.getParent().getACL();
    }

    @Override
    public void checkAbortPermission() {
        checkPermission(Item.CANCEL);
    }

    @Override
    public boolean hasAbortPermission() {
        return hasPermission(Item.CANCEL);
    }

    @NonNull
    @Override
    public Authentication getDefaultAuthentication2() {
        return authentication;
    }

    @NonNull
    @Override
    public Authentication getDefaultAuthentication2(final Queue.Item item) {
        return authentication;
    }

    @Override
    public String toString() {
        return getDisplayName();
    }
}
