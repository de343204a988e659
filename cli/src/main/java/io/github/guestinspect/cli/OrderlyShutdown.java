package io.github.guestinspect.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the JVM's shutdown on SIGINT or SIGTERM until the command has stopped writing, for at most 30 seconds.
 * The JVM halts once its shutdown hooks are done, wherever the main thread is: without this hold, a signal that
 * arrives while a cache entry, a history record or a report is being written would leave its temporary file
 * behind. Meanwhile the runner's own hook kills the appliances at once, so the command soon stops.
 */
final class OrderlyShutdown implements AutoCloseable {
    private static final long LIMIT_SECONDS = 30;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::awaitFinished, "guest-inspect-finish-writing");

    OrderlyShutdown() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void awaitFinished() {
        try {
            if (!finished.await(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                System.err.println("guest-inspect: still writing after " + LIMIT_SECONDS + " s; stopping anyway");
            }
        }
        catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command is done writing: a shutdown under way may proceed, and a later one need not wait. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (IllegalStateException exception) {
            // the JVM is shutting down: the hook returns now
        }
    }
}
