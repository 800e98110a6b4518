package io.docextract.server.jobs;

/**
 * Told about every job that reaches a terminal status, inside the transaction that wrote the
 * status (credits record usage, webhooks write their outbox rows). Each job is reported exactly
 * once: a worker that lost its lease writes nothing and reports nothing.
 *
 * <p>Implementations write through the same transaction and must be quick; throwing rolls the
 * completion back (the job is then tried again or failed with {@code internal_error}).
 */
public interface JobCompletionListener {

    void jobFinished(FinishedJob job);
}
