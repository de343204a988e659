package io.github.guestinspect.testing;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounds what a parser allocates, through HotSpot's per-thread allocation counter: a fuzz target asserts that an
 * input cannot make a decoder allocate far beyond its own size (a declared length of 2 GB in 100 bytes).
 */
public final class Allocations {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {
    }

    /**
     * Asserts that {@code body} allocates less than {@code limit} bytes in this thread. A first run over the limit is
     * measured again: it may have loaded classes (which the fuzzer also instruments), a cost paid once per class.
     */
    public static void assertBelow(final long limit, final Runnable body) {
        long allocated = allocatedBy(body);
        if (allocated >= limit) {
            allocated = allocatedBy(body);
        }
        assertThat(allocated).as("bytes allocated").isLessThan(limit);
    }

    private static long allocatedBy(final Runnable body) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        body.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
