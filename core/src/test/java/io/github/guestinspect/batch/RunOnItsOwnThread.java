package io.github.guestinspect.batch;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A scheduler run on a thread of its own, so a test can interrupt it and see how it ended. */
final class RunOnItsOwnThread {
    /** The run itself. */
    @FunctionalInterface
    interface Body {
        void run() throws InterruptedException;
    }

    private final AtomicReference<Throwable> ended = new AtomicReference<>();
    private final Thread thread;

    RunOnItsOwnThread(final Body body) {
        thread = new Thread(() -> {
            try {
                body.run();
                ended.set(new AssertionError("the run finished although it was interrupted"));
            }
            catch (InterruptedException | RuntimeException | Error exception) {
                ended.set(exception);
            }
        });
        thread.start();
    }

    /** Interrupts the run and waits up to 10 s for it to end; what it ended with, or null while it still runs. */
    Throwable interruptAndAwait() throws InterruptedException {
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        return thread.isAlive() ? null : ended.get();
    }
}
