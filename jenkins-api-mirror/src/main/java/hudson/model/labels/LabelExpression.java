package hudson.model.labels;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.Label;
import hudson.util.FormValidation;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/labels/LabelExpression.java (jenkins-2.541.3): the
 * members the plugin uses.
 */
public abstract class LabelExpression extends Label {
    protected LabelExpression(String name) {
        super(name);
    }

    @NonNull
    public static FormValidation validate(@CheckForNull String expression, @CheckForNull Item item) {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
