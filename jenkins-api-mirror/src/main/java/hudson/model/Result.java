package hudson.model;

import java.io.Serializable;

import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/Result.java (jenkins-2.541.3). The five constants are
 * distinct instances (compare them with ==); every method throws.
 */
public final class Result implements Serializable {
    private static final long serialVersionUID = 1L;

    @NonNull
    public static final Result SUCCESS = new Result();
    @NonNull
    public static final Result UNSTABLE = new Result();
    @NonNull
    public static final Result FAILURE = new Result();
    @NonNull
    public static final Result NOT_BUILT = new Result();
    @NonNull
    public static final Result ABORTED = new Result();

    private Result() {
    }

    public boolean isWorseThan(@NonNull Result that) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public boolean isBetterThan(@NonNull Result that) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @NonNull
    public Result combine(@NonNull Result that) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @Override
    public String toString() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
