package io.docextract.server.jobs;

import java.util.Locale;
import java.util.Optional;

/** A job's lifecycle: queued → processing → completed | failed, nothing else. */
public enum JobStatus {
    QUEUED,
    PROCESSING,
    COMPLETED,
    FAILED;

    // Read for every job a list maps and shows: computed once, not lowercased per call.
    private final String value = name().toLowerCase(Locale.ROOT);

    public boolean canMoveTo(JobStatus next) {
        return switch (this) {
            case QUEUED -> next == PROCESSING;
            // A processing job whose lease expired goes back to the queue to be taken up again.
            case PROCESSING -> next == COMPLETED || next == FAILED || next == QUEUED;
            case COMPLETED, FAILED -> false;
        };
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED;
    }

    public String value() {
        return value;
    }

    public static Optional<JobStatus> fromValue(String value) {
        for (JobStatus status : values()) {
            if (status.value.equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
