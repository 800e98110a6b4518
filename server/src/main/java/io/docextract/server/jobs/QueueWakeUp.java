package io.docextract.server.jobs;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Wakes the local dispatcher when jobs are queued, after the inserting transaction committed. */
@Component
class QueueWakeUp {

    private final QueueSignal signal;

    QueueWakeUp(QueueSignal signal) {
        this.signal = signal;
    }

    // fallbackExecution: a submit published outside a transaction wakes at once.
    @TransactionalEventListener(fallbackExecution = true)
    void jobSubmitted(JobSubmitted event) {
        signal.wake();
    }
}
