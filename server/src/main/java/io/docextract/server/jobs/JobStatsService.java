package io.docextract.server.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        List<JobStatsRepository.ExtractorTotals> groups = stats.totalsByExtractor(filter);
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
            long rank50 = nearestRank(0.50, timed);
            long rank95 = nearestRank(0.95, timed);
            Map<Long, Long> values = stats.processingTimesAtRanks(filter, List.of(rank50, rank95));
            p50 = values.get(rank50);
            p95 = values.get(rank95);
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
                failed == 0 ? Map.of() : stats.byErrorCode(filter),
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
        List<JobStatsRepository.ConfidenceSum> sums = new ArrayList<>();
        Long startMs = filter.createdAfter() == null ? null : ceilMillis(filter.createdAfter(), true);
        Long endMs = filter.createdBefore() == null ? null : ceilMillis(filter.createdBefore(), false);
        Long firstDay = startMs == null ? null : Math.ceilDiv(startMs, DAY_MS);
        Long endDay = endMs == null ? null : Math.floorDiv(endMs, DAY_MS);
        if (firstDay != null && endDay != null && firstDay >= endDay) {
            sums.addAll(stats.confidenceSums(filter));
        } else {
            sums.addAll(stats.dailyConfidenceSums(filter, firstDay, endDay));
            if (startMs != null && startMs < firstDay * DAY_MS) {
                sums.addAll(stats.confidenceSums(
                        filter.between(filter.createdAfter(), Instant.ofEpochMilli(firstDay * DAY_MS))));
            }
            if (endMs != null && endDay * DAY_MS < endMs) {
                sums.addAll(stats.confidenceSums(
                        filter.between(Instant.ofEpochMilli(endDay * DAY_MS - 1), filter.createdBefore())));
            }
        }
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
     * The first millisecond a created_at may have (after an exclusive lower bound), or the
     * exclusive upper millisecond (for an exclusive upper bound), as the SQL conditions use them.
     */
    private static long ceilMillis(Instant bound, boolean lower) {
        long floor = Math.floorDiv(bound.getEpochSecond() * 1_000_000_000L + bound.getNano(), 1_000_000L);
        boolean exact = bound.getNano() % 1_000_000 == 0;
        return lower ? floor + 1 : (exact ? floor : floor + 1);
    }
}
