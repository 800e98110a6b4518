package io.docextract.server.jobs;

import java.util.Locale;
import java.util.Optional;

/** Order of job lists by creation time; ties go by id in the same direction. */
public enum JobOrder {
    ASC,
    DESC;

    public String sql() {
        return this == ASC ? "jobs.created_at ASC, jobs.id ASC" : "jobs.created_at DESC, jobs.id DESC";
    }

    public static Optional<JobOrder> fromValue(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "asc" -> Optional.of(ASC);
            case "desc" -> Optional.of(DESC);
            default -> Optional.empty();
        };
    }
}
