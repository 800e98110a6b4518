package io.docextract.server.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/** Statistics over an organization's jobs for a period or a time range. */
@Service
public class JobStatsService {

    /** The named periods, ending now. */
    public enum Period {
        H1("1h", Duration.ofHours(1)),
        H24("24h", Duration.ofHours(24)),
        D7("7d", Duration.ofDays(7)),
        D30("30d", Duration.ofDays(30)),
        D90("90d", Duration.ofDays(90)),
        ALL("all", null);

        private final String value;
        private final Duration length;

        Period(String value, Duration length) {
            this.value = value;
            this.length = length;
        }

        public String value() {
            return value;
        }

        /** The start of the period ending at {@code now}; null for {@code all}. */
        Instant start(Instant now) {
            return length == null ? null : now.minus(length);
        }

        public static Optional<Period> fromValue(String value) {
            for (Period period : values()) {
                if (period.value.equals(value.toLowerCase(Locale.ROOT))) {
                    return Optional.of(period);
                }
            }
            return Optional.empty();
        }
    }

    // line_items[3].amount → line_items[].amount: one entry per field, not per array element.
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    private static final long HOUR_MS = 3_600_000L;
    private static final long DAY_MS = 86_400_000L;

    private final JobStatsRepository stats;
    private final InstantSource clock;

    public JobStatsService(JobStatsRepository stats, InstantSource clock) {
        this.stats = stats;
        this.clock = clock;
    }

    /** Statistics for a named period ending now. */
    public JobStats forPeriod(JobFilter filter, Period period) {
        return compute(period.value(), filter.between(period.start(clock.instant()), null));
    }

    /** Statistics for an explicit range (the filter's exclusive created bounds). */
    public JobStats forRange(JobFilter filter) {
        return compute("custom", filter);
    }

    private JobStats compute(String label, JobFilter filter) {
        TimeSplit hours = TimeSplit.of(filter, HOUR_MS);
        List<JobStatsRepository.ExtractorTotals> groups = totalsByExtractor(filter, hours);
        long total = 0,
                completed = 0,
                failed = 0,
                queued = 0,
                processing = 0,
                timed = 0,
                rated = 0,
                credits = 0,
                pages = 0;
        double elapsed = 0, confidence = 0;
        List<JobStats.ByExtractor> byExtractor = new ArrayList<>();
        for (JobStatsRepository.ExtractorTotals g : groups) {
            total += g.total();
            completed += g.completed();
            failed += g.failed();
            queued += g.queued();
            processing += g.processing();
            timed += g.timedCompleted();
            elapsed += g.processingMsSum();
            rated += g.confidenceCount();
            confidence += g.confidenceSum();
            credits += g.credits();
            pages += g.pages();
            byExtractor.add(new JobStats.ByExtractor(
                    g.extractorId(),
                    g.extractorName(),
                    g.total(),
                    JobStats.successRate(g.completed(), g.failed()),
                    g.confidenceCount() == 0 ? null : JobStats.round(g.confidenceSum() / g.confidenceCount())));
        }
        Long p50 = null;
        Long p95 = null;
        if (timed > 0) {
            NavigableMap<Long, Long> histogram = timeHistogram(filter);
            p50 = processingTimeAtRank(filter, histogram, nearestRank(0.50, timed));
            p95 = processingTimeAtRank(filter, histogram, nearestRank(0.95, timed));
        }
        Map<String, Long> byStatus = new LinkedHashMap<>();
        byStatus.put("completed", completed);
        byStatus.put("failed", failed);
        byStatus.put("queued", queued);
        byStatus.put("processing", processing);
        return new JobStats(
                label,
                total,
                completed,
                failed,
                queued,
                processing,
                JobStats.successRate(completed, failed),
                timed == 0 ? null : Math.round(elapsed / timed),
                p50,
                p95,
                rated == 0 ? null : JobStats.round(confidence / rated),
                credits,
                pages,
                byExtractor,
                byStatus,
                failed == 0 ? Map.of() : byErrorCode(filter, hours),
                completed == 0 ? Map.of() : fieldConfidence(filter),
                filter.createdAfter(),
                filter.createdBefore());
    }

    /** Nearest-rank percentile: the smallest value with at least {@code p} of the values at or below it. */
    private static long nearestRank(double p, long count) {
        return Math.max(1, (long) Math.ceil(p * count));
    }

    /**
     * Mean confidence per field. Whole UTC days come from the daily roll-up; only the partial
     * days at the ends of the range are read from the jobs themselves.
     */
    private Map<String, Double> fieldConfidence(JobFilter filter) {
        TimeSplit days = TimeSplit.of(filter, DAY_MS);
        List<JobStatsRepository.ConfidenceSum> sums = new ArrayList<>();
        if (days.hasWholeUnits()) {
            sums.addAll(stats.dailyConfidenceSums(filter, days.first(), days.end()));
        }
        days.edges().forEach(edge -> sums.addAll(stats.confidenceSums(edge)));
        Map<String, double[]> merged = new TreeMap<>();
        for (JobStatsRepository.ConfidenceSum sum : sums) {
            double[] acc = merged.computeIfAbsent(INDEX.matcher(sum.key()).replaceAll("[]"), k -> new double[2]);
            acc[0] += sum.sum();
            acc[1] += sum.count();
        }
        Map<String, Double> means = new LinkedHashMap<>();
        merged.forEach((key, acc) -> {
            if (acc[1] > 0) {
                means.put(key, JobStats.round(acc[0] / acc[1]));
            }
        });
        return means;
    }

    /**
     * Counts and sums per extractor, most used first: whole UTC hours from the hourly roll-up,
     * the partial hours at the ends of the range from the jobs themselves.
     */
    private List<JobStatsRepository.ExtractorTotals> totalsByExtractor(JobFilter filter, TimeSplit hours) {
        List<JobStatsRepository.ExtractorTotals> parts = new ArrayList<>();
        if (hours.hasWholeUnits()) {
            parts.addAll(stats.hourlyTotalsByExtractor(filter, hours.first(), hours.end()));
        }
        hours.edges().forEach(edge -> parts.addAll(stats.totalsByExtractor(edge)));
        Map<String, JobStatsRepository.ExtractorTotals> merged = new LinkedHashMap<>();
        for (JobStatsRepository.ExtractorTotals part : parts) {
            merged.merge(part.extractorId(), part, JobStatsService::add);
        }
        return merged.values().stream()
                .sorted(Comparator.comparingLong(JobStatsRepository.ExtractorTotals::total)
                        .reversed()
                        .thenComparing(JobStatsRepository.ExtractorTotals::extractorId))
                .toList();
    }

    private static JobStatsRepository.ExtractorTotals add(
            JobStatsRepository.ExtractorTotals a, JobStatsRepository.ExtractorTotals b) {
        return new JobStatsRepository.ExtractorTotals(
                a.extractorId(),
                a.extractorName() != null ? a.extractorName() : b.extractorName(),
                a.total() + b.total(),
                a.completed() + b.completed(),
                a.failed() + b.failed(),
                a.queued() + b.queued(),
                a.processing() + b.processing(),
                a.timedCompleted() + b.timedCompleted(),
                a.processingMsSum() + b.processingMsSum(),
                a.confidenceCount() + b.confidenceCount(),
                a.confidenceSum() + b.confidenceSum(),
                a.credits() + b.credits(),
                a.pages() + b.pages());
    }

    /**
     * Completed jobs per processing-time bucket: whole UTC days from the daily histogram, the
     * partial days at the ends of the range from the jobs.
     */
    private NavigableMap<Long, Long> timeHistogram(JobFilter filter) {
        TimeSplit days = TimeSplit.of(filter, DAY_MS);
        NavigableMap<Long, Long> histogram = new TreeMap<>();
        if (days.hasWholeUnits()) {
            stats.dailyTimeHistogram(filter, days.first(), days.end())
                    .forEach((b, n) -> histogram.merge(b, n, Long::sum));
        }
        days.edges().forEach(edge -> stats.timeHistogram(edge).forEach((b, n) -> histogram.merge(b, n, Long::sum)));
        return histogram;
    }

    /**
     * The exact processing time at a rank: the histogram names its bucket and its rank there,
     * and only that bucket's jobs are read.
     */
    private Long processingTimeAtRank(JobFilter filter, NavigableMap<Long, Long> histogram, long rank) {
        long before = 0;
        for (Map.Entry<Long, Long> bucket : histogram.entrySet()) {
            if (before + bucket.getValue() >= rank) {
                return stats.processingTimeAtRank(
                        filter, bucket.getKey(), JobStatsRepository.bucketEnd(bucket.getKey()), rank - before);
            }
            before += bucket.getValue();
        }
        return null;
    }

    /** Failed jobs by error code, most frequent first, from the roll-up and the partial hours. */
    private Map<String, Long> byErrorCode(JobFilter filter, TimeSplit hours) {
        Map<String, Long> counts = new TreeMap<>();
        if (hours.hasWholeUnits()) {
            stats.hourlyByErrorCode(filter, hours.first(), hours.end())
                    .forEach((code, n) -> counts.merge(code, n, Long::sum));
        }
        hours.edges().forEach(edge -> stats.byErrorCode(edge).forEach((code, n) -> counts.merge(code, n, Long::sum)));
        Map<String, Long> ordered = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /**
     * A filter's time range cut at multiples of a unit (an hour, a day): the whole units
     * {@code [first, end)} (null: unbounded) that a roll-up answers, and the filters of the
     * partial units at its ends, which only the jobs can. Without whole units the one edge is
     * the filter itself.
     */
    record TimeSplit(boolean hasWholeUnits, Long first, Long end, List<JobFilter> edges) {

        static TimeSplit of(JobFilter filter, long unitMs) {
            if (!filter.statuses().isEmpty() || !filter.metadata().isEmpty() || filter.minConfidence() != null) {
                return new TimeSplit(false, null, null, List.of(filter));
            }
            Long startMs = filter.createdAfter() == null ? null : ceilMillis(filter.createdAfter(), true);
            Long endMs = filter.createdBefore() == null ? null : ceilMillis(filter.createdBefore(), false);
            Long first = startMs == null ? null : Math.ceilDiv(startMs, unitMs);
            Long end = endMs == null ? null : Math.floorDiv(endMs, unitMs);
            if (first != null && end != null && first >= end) {
                return new TimeSplit(false, null, null, List.of(filter));
            }
            List<JobFilter> edges = new ArrayList<>();
            if (startMs != null && startMs < first * unitMs) {
                edges.add(filter.between(filter.createdAfter(), Instant.ofEpochMilli(first * unitMs)));
            }
            if (endMs != null && end * unitMs < endMs) {
                edges.add(filter.between(Instant.ofEpochMilli(end * unitMs - 1), filter.createdBefore()));
            }
            return new TimeSplit(true, first, end, edges);
        }
    }

    /**
     * The first millisecond a created_at may have (after an exclusive lower bound), or the
     * exclusive upper millisecond (for an exclusive upper bound), as the SQL conditions use them.
     */
    private static long ceilMillis(Instant bound, boolean lower) {
        long floor = Math.floorDiv(bound.getEpochSecond() * 1_000_000_000L + bound.getNano(), 1_000_000L);
        boolean exact = bound.getNano() % 1_000_000 == 0;
        return lower ? floor + 1 : (exact ? floor : floor + 1);
    }
}
