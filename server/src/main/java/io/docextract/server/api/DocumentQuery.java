package io.docextract.server.api;

import io.docextract.server.ApiException;
import io.docextract.server.ApiException.Detail;
import io.docextract.server.auth.Caller;
import io.docextract.server.jobs.JobFilter;
import io.docextract.server.jobs.JobOrder;
import io.docextract.server.jobs.JobStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/** The filter, order and page of a document list or export request, checked. */
public record DocumentQuery(JobFilter filter, JobOrder order, Paging paging) {

    static final int MAX_METADATA_FILTERS = 20;

    /**
     * Parses the query parameters; every invalid one becomes a detail of one validation error.
     * Unknown parameters are ignored.
     */
    public static DocumentQuery parse(Caller caller, MultiValueMap<String, String> parameters, boolean paged) {
        List<Detail> details = new ArrayList<>();
        String extractorId = single(parameters, "extractor_id", details);
        if (extractorId != null && extractorId.isBlank()) {
            details.add(new Detail("extractor_id", "must not be empty"));
            extractorId = null;
        }
        Set<JobStatus> statuses = statuses(parameters.get("status"), details);
        Instant after = instant("created_after", single(parameters, "created_after", details), details);
        Instant before = instant("created_before", single(parameters, "created_before", details), details);
        Double minConfidence = confidence(single(parameters, "min_confidence", details), details);
        Map<String, String> metadata = metadata(parameters, details);
        JobOrder order = JobOrder.DESC;
        String orderValue = single(parameters, "order", details);
        if (orderValue != null) {
            order = JobOrder.fromValue(orderValue.strip()).orElse(null);
            if (order == null) {
                details.add(new Detail("order", "must be asc or desc"));
                order = JobOrder.DESC;
            }
        }
        Paging paging = paged
                ? Paging.parse(single(parameters, "limit", details), single(parameters, "offset", details), details)
                : new Paging(Paging.MAX_LIMIT, 0);
        if (!details.isEmpty()) {
            throw ApiException.validation(details);
        }
        JobFilter filter = new JobFilter(
                caller.orgId(), caller.testMode(), extractorId, statuses, after, before, minConfidence, metadata);
        return new DocumentQuery(filter, order, paging);
    }

    static String single(MultiValueMap<String, String> parameters, String name, List<Detail> details) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            details.add(new Detail(name, "must be given once"));
        }
        return values.getFirst();
    }

    private static Set<JobStatus> statuses(List<String> values, List<Detail> details) {
        if (values == null) {
            return Set.of();
        }
        Set<JobStatus> statuses = EnumSet.noneOf(JobStatus.class);
        // Both status=a,b and status=a&status=b are accepted.
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                JobStatus status = JobStatus.fromValue(part.strip()).orElse(null);
                if (status == null) {
                    details.add(new Detail(
                            "status", "'" + part.strip() + "' is not one of queued, processing, completed, failed"));
                } else {
                    statuses.add(status);
                }
            }
        }
        return statuses;
    }

    /**
     * An ISO 8601 instant. Also accepted, read as UTC: a date-time without offset (what Python's
     * {@code isoformat()} writes) and a bare date (its midnight). A {@code +} that arrived as a
     * space (unencoded in the URL) is restored.
     */
    static Instant instant(String name, String value, List<Detail> details) {
        if (value == null) {
            return null;
        }
        String text = value.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    details.add(new Detail(name, "must be an ISO 8601 instant such as 2024-11-23T10:00:00Z"));
                    return null;
                }
            }
        }
    }

    private static Double confidence(String value, List<Detail> details) {
        if (value == null) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value.strip());
            if (parsed >= 0 && parsed <= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        details.add(new Detail("min_confidence", "must be a number between 0 and 1"));
        return null;
    }

    private static Map<String, String> metadata(MultiValueMap<String, String> parameters, List<Detail> details) {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith("metadata")) {
                continue;
            }
            if (!name.startsWith("metadata[") || !name.endsWith("]") || name.length() <= "metadata[]".length()) {
                details.add(new Detail(name, "must be written metadata[<key>]=<value>"));
                continue;
            }
            String key = name.substring("metadata[".length(), name.length() - 1);
            if (entry.getValue().size() > 1) {
                details.add(new Detail(name, "must be given once"));
                continue;
            }
            metadata.put(key, entry.getValue().getFirst());
        }
        if (metadata.size() > MAX_METADATA_FILTERS) {
            details.add(new Detail("metadata", "at most " + MAX_METADATA_FILTERS + " metadata filters"));
        }
        return metadata;
    }
}
