package io.docextract.server.jobs;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A claimed job while its worker runs it. Heartbeat and shutdown may end it from outside: the
 * first to move it out of {@link State#RUNNING} decides what the worker does with the attempt.
 */
public final class RunningJob {

    /** Where an attempt stands. */
    public enum State {
        RUNNING,
        /** Another worker owns the job now; whatever this attempt produces is dropped. */
        LEASE_LOST,
        /** Shutdown: hand the job back to the queue. */
        RELEASING
    }

    private final ClaimedJob job;
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private volatile Future<?> extraction;

    public RunningJob(ClaimedJob job) {
        this.job = job;
    }

    public ClaimedJob job() {
        return job;
    }

    public State state() {
        return state.get();
    }

    void attach(Future<?> future) {
        this.extraction = future;
        if (state.get() != State.RUNNING) {
            future.cancel(true);
        }
    }

    /** Marks the lease lost and stops the extraction; false if the attempt was already ended otherwise. */
    public boolean loseLease() {
        return end(State.LEASE_LOST);
    }

    /** Asks the attempt to stop and hand the job back; false if it was already ended otherwise. */
    public boolean release() {
        return end(State.RELEASING);
    }

    private boolean end(State next) {
        if (!state.compareAndSet(State.RUNNING, next)) {
            return false;
        }
        Future<?> future = extraction;
        if (future != null) {
            future.cancel(true);
        }
        return true;
    }
}
