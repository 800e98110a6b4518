package io.docextract.server.jobs;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes an idle dispatcher when work may have arrived (a local submit, a database notification). */
public final class QueueSignal {

    private final Semaphore permits = new Semaphore(0);

    public void wake() {
        // One pending permit is enough: the dispatcher claims until the queue is empty anyway.
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** Waits for a wake-up or the timeout, whichever comes first. */
    public void await(Duration timeout) throws InterruptedException {
        if (permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            permits.drainPermits();
        }
    }
}
