package io.docextract.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.docextract.server.storage.Dialect;
import io.docextract.server.storage.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read side's SQL (filters, metadata index, keyset pages, statistics with the confidence
 * roll-up and its triggers) on every database the service supports, without a Spring context.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobReadStoreContract {

    /** Noon, so that "the last 30 days" ends inside a day and the roll-up's edges are exercised. */
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    @TempDir
    static Path folder;

    TestDatabase database;
    JdbcClient jdbc;
    JobRepository jobs;
    JobStatsService stats;
    final List<Job> inserted = new ArrayList<>();

    abstract TestDatabase open(Path folder);

    @BeforeAll
    void fill() {
        database = open(folder);
        jdbc = database.jdbc();
        jobs = new JobRepository(new JdbcTemplate(database.dataSource()));
        stats = new JobStatsService(new JobStatsRepository(jdbc, database.dialect()), () -> NOW);
        jdbc.sql(
                        "INSERT INTO organizations (id, name, created_at) VALUES ('org_a', 'a', 0), ('org_b', 'b', 0), ('org_c', 'c', 0)")
                .update();
        jdbc.sql("INSERT INTO extractors (id, org_id, name, document_type, field_definitions, created_at, updated_at)"
                        + " VALUES ('ext_a', 'org_a', 'A', 'invoice', '[]', 0, 0), ('ext_b', 'org_b', 'B', 'invoice', '[]', 0, 0),"
                        + " ('ext_c', 'org_c', 'C', 'invoice', '[]', 0, 0)")
                .update();
        // Twelve jobs of org_a, one every 3 days back from NOW - 1h: completed (even), failed (odd).
        for (int i = 0; i < 12; i++) {
            boolean completed = i % 2 == 0;
            Instant created = NOW.minus(Duration.ofHours(1)).minus(Duration.ofDays(3L * i));
            inserted.add(insert(
                    "org_a",
                    "ext_a",
                    i,
                    completed ? JobStatus.COMPLETED : JobStatus.FAILED,
                    created,
                    completed ? "{\"f\":" + (0.5 + i / 40.0) + ",\"items[0].x\":0.2,\"items[1].x\":0.4}" : null,
                    "{\"customer\":\"c" + (i % 3) + "\",\"n\":" + i + ",\"vip\":" + (i < 6) + "}"));
        }
        // Another organization's job with the same metadata never shows.
        insert(
                "org_b",
                "ext_b",
                99,
                JobStatus.COMPLETED,
                NOW.minus(Duration.ofHours(2)),
                "{\"f\":0.0}",
                "{\"customer\":\"c0\",\"n\":0,\"vip\":true}");
    }

    private Job insert(
            String org,
            String extractor,
            int i,
            JobStatus status,
            Instant created,
            String confidence,
            String metadata) {
        Job job = new Job(
                "job_" + org + "_" + String.format("%03d", i),
                org,
                extractor,
                1,
                null,
                status,
                false,
                "application/pdf",
                null,
                10,
                null,
                1,
                status == JobStatus.COMPLETED ? "{}" : null,
                confidence,
                status == JobStatus.COMPLETED ? 0.5 : null,
                status == JobStatus.COMPLETED ? 0.5 + i / 40.0 : null,
                null,
                null,
                null,
                status == JobStatus.COMPLETED ? 2 : 0,
                status == JobStatus.FAILED ? "document_corrupt" : null,
                null,
                null,
                metadata,
                1,
                created,
                null,
                null,
                1,
                created,
                created.plusSeconds(1),
                created.plusSeconds(1).plusMillis(100L * (i + 1)));
        jobs.insert(job);
        return job;
    }

    // Tests that write use org_c, so the figures of org_a stay what fill() made them.
    @AfterAll
    void close() {
        database.close();
    }

    private List<String> ids(JobFilter filter) {
        return jobs.query(filter, JobOrder.ASC, 100, 0).stream().map(Job::id).toList();
    }

    private List<String> expected(int... indexes) {
        List<Job> sorted = new ArrayList<>(inserted);
        sorted.sort(java.util.Comparator.comparing(Job::createdAt));
        List<String> ids = new ArrayList<>();
        for (Job job : sorted) {
            for (int i : indexes) {
                if (job.id().equals(inserted.get(i).id())) {
                    ids.add(job.id());
                }
            }
        }
        return ids;
    }

    private static JobFilter metadata(Map<String, String> metadata, Set<JobStatus> statuses) {
        return new JobFilter("org_a", false, null, statuses, null, null, null, metadata);
    }

    @Test
    void metadataFiltersMatchStringsNumbersAndBooleansAsText() {
        assertThat(ids(metadata(Map.of("customer", "c0"), Set.of()))).isEqualTo(expected(0, 3, 6, 9));
        assertThat(ids(metadata(Map.of("n", "4"), Set.of()))).isEqualTo(expected(4));
        assertThat(ids(metadata(Map.of("vip", "false", "customer", "c2"), Set.of())))
                .isEqualTo(expected(8, 11));
        assertThat(ids(metadata(Map.of("customer", "c0"), Set.of(JobStatus.FAILED))))
                .isEqualTo(expected(3, 9));
        assertThat(jobs.count(metadata(Map.of("customer", "c1"), Set.of()))).isEqualTo(4);
        JobRepository.CountedPage counted =
                jobs.queryCounted(metadata(Map.of("customer", "c0"), Set.of()), JobOrder.ASC, 2, 1);
        assertThat(counted.jobs().stream().map(Job::id).toList()).isEqualTo(expected(3, 6));
        assertThat(counted.total()).isEqualTo(4);
        assertThat(ids(metadata(Map.of("customer", "C0"), Set.of()))).isEmpty();
    }

    @Test
    void keysetPagesCoverEveryMatchOnce() {
        JobFilter all = JobFilter.of("org_a", false);
        List<String> seen = new ArrayList<>();
        Job last = null;
        while (true) {
            List<Job> page = jobs.page(
                    all, JobOrder.DESC, last == null ? null : last.createdAt(), last == null ? null : last.id(), 5);
            page.forEach(job -> seen.add(job.id()));
            if (page.size() < 5) {
                break;
            }
            last = page.getLast();
        }
        assertThat(seen).hasSize(12).doesNotHaveDuplicates();
        assertThat(seen.getFirst()).isEqualTo(inserted.get(0).id());
    }

    @Test
    void statisticsUseTheRollUpAndThePartialDays() {
        JobStats month = stats.forPeriod(JobFilter.of("org_a", false), JobStatsService.Period.D30);
        // Jobs 0..9 are within 30 days (i * 3 days + 1 h); 0, 2, 4, 6, 8 completed.
        assertThat(month.totalJobs()).isEqualTo(10);
        assertThat(month.completedJobs()).isEqualTo(5);
        assertThat(month.successRate()).isEqualTo(0.5);
        assertThat(month.avgProcessingTimeMs()).isEqualTo((100 + 300 + 500 + 700 + 900) / 5);
        assertThat(month.p50ProcessingTimeMs()).isEqualTo(500);
        assertThat(month.p95ProcessingTimeMs()).isEqualTo(900);
        assertThat(month.totalCreditsUsed()).isEqualTo(10);
        assertThat(month.byErrorCode()).containsEntry("document_corrupt", 5L);
        double meanF = (0.5 + 0.55 + 0.6 + 0.65 + 0.7) / 5;
        assertThat(month.fieldConfidence().get("f")).isCloseTo(meanF, within(0.0001));
        assertThat(month.fieldConfidence().get("items[].x")).isCloseTo(0.3, within(0.0001));
        assertThat(month.avgConfidence()).isCloseTo(meanF, within(0.0001));
        assertThat(month.byExtractor()).singleElement().satisfies(e -> {
            assertThat(e.extractorName()).isEqualTo("A");
            assertThat(e.jobCount()).isEqualTo(10);
        });

        JobStats all = stats.forPeriod(JobFilter.of("org_a", false), JobStatsService.Period.ALL);
        assertThat(all.totalJobs()).isEqualTo(12);
        assertThat(all.fieldConfidence().get("f"))
                .isCloseTo((0.5 + 0.55 + 0.6 + 0.65 + 0.7 + 0.75) / 6, within(0.0001));

        // A range inside one day reads the jobs directly.
        JobStats day = stats.forRange(JobFilter.of("org_a", false).between(NOW.minus(Duration.ofHours(3)), NOW));
        assertThat(day.totalJobs()).isEqualTo(1);
        assertThat(day.fieldConfidence().get("f")).isCloseTo(0.5, within(0.0001));
    }

    @Test
    void deletingAJobTakesItOutOfTheIndexAndTheRollUp() {
        Job extra = insert(
                "org_c",
                "ext_c",
                50,
                JobStatus.COMPLETED,
                Instant.parse("2020-01-01T00:00:00Z"),
                "{\"g\":0.9}",
                "{\"customer\":\"gone\"}");
        JobFilter old = JobFilter.of("org_c", false).between(null, Instant.parse("2020-01-02T00:00:00Z"));
        assertThat(stats.forRange(old).fieldConfidence()).containsEntry("g", 0.9);
        assertThat(jobs.count(
                        new JobFilter("org_c", false, null, Set.of(), null, null, null, Map.of("customer", "gone"))))
                .isEqualTo(1);

        assertThat(jobs.deleteFinished("org_c", false, extra.id())).isTrue();

        assertThat(stats.forRange(old).fieldConfidence()).isEmpty();
        assertThat(jobs.count(
                        new JobFilter("org_c", false, null, Set.of(), null, null, null, Map.of("customer", "gone"))))
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM job_metadata WHERE job_id = ?")
                        .param(extra.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void completionByUpdateFeedsTheRollUp() {
        Instant created = Instant.parse("2021-06-01T08:00:00Z");
        Job queued = insert("org_c", "ext_c", 60, JobStatus.QUEUED, created, null, "{}");
        jdbc.sql("UPDATE jobs SET status = 'completed', confidence = "
                        + database.dialect().jsonParameter() + " WHERE id = ?")
                .params("{\"h\":0.25}", queued.id())
                .update();
        JobFilter range = JobFilter.of("org_c", false)
                .between(Instant.parse("2021-05-01T00:00:00Z"), Instant.parse("2021-07-01T00:00:00Z"));
        assertThat(stats.forRange(range).fieldConfidence()).containsEntry("h", 0.25);
        assertThat(database.dialect()).isInstanceOfAny(Dialect.Sqlite.class, Dialect.Postgres.class);
    }

    /**
     * Statistics read from the hourly roll-up (kept by triggers through inserts, state changes
     * and deletes) equal the same statistics computed here from the jobs, for random jobs and
     * random ranges: every count, sum, mean and percentile, per extractor and per error code.
     */
    @Test
    void statisticsFromTheRollUpEqualStatisticsFromTheJobs() {
        java.util.Random random = new java.util.Random(42);
        jdbc.sql("INSERT INTO organizations (id, name, created_at) VALUES ('org_r', 'r', 0)")
                .update();
        jdbc.sql("INSERT INTO extractors (id, org_id, name, document_type, field_definitions, created_at, updated_at)"
                        + " VALUES ('ext_r1', 'org_r', 'R1', 'invoice', '[]', 0, 0),"
                        + " ('ext_r2', 'org_r', 'R2', 'invoice', '[]', 0, 0)")
                .update();
        List<String> codes = List.of("document_corrupt", "document_encrypted", "ocr_unavailable");
        java.util.Map<String, Job> live = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 400; i++) {
            Instant created = NOW.minusMillis((long) (random.nextDouble() * 40 * 86_400_000L));
            Job job = randomJob("job_r_" + i, random.nextBoolean() ? "ext_r1" : "ext_r2", created, random, codes);
            jobs.insert(job);
            live.put(job.id(), job);
        }
        // State changes through UPDATE (as workers make them) and deletes move jobs between rows.
        for (Job job : new ArrayList<>(live.values())) {
            int change = random.nextInt(6);
            if (change == 0) {
                Job changed = randomJob(job.id(), job.extractorId(), job.createdAt(), random, codes);
                jdbc.sql("UPDATE jobs SET status = ?, error_code = ?, started_at = ?, completed_at = ?,"
                                + " mean_confidence = ?, cost_credits = ?, page_count = ? WHERE id = ?")
                        .params(
                                changed.status().value(),
                                changed.errorCode(),
                                millis(changed.startedAt()),
                                millis(changed.completedAt()),
                                changed.meanConfidence(),
                                changed.costCredits(),
                                changed.pageCount(),
                                job.id())
                        .update();
                live.put(job.id(), changed);
            } else if (change == 1) {
                jdbc.sql("DELETE FROM jobs WHERE id = ?").param(job.id()).update();
                live.remove(job.id());
            } else if (change == 2) {
                jdbc.sql("UPDATE jobs SET lease_expires_at = ? WHERE id = ?")
                        .params(NOW.toEpochMilli(), job.id())
                        .update();
            }
        }
        List<JobFilter> filters = new ArrayList<>();
        for (JobStatsService.Period period : JobStatsService.Period.values()) {
            filters.add(JobFilter.of("org_r", false).between(period.start(NOW), null));
        }
        for (int i = 0; i < 20; i++) {
            Instant a = NOW.minusMillis((long) (random.nextDouble() * 45 * 86_400_000L));
            Instant b = a.plusMillis((long) (random.nextDouble() * 20 * 86_400_000L));
            JobFilter range = JobFilter.of("org_r", false).between(a, b);
            filters.add(range);
            filters.add(new JobFilter("org_r", false, "ext_r2", Set.of(), a, b, null, Map.of()));
        }
        for (JobFilter filter : filters) {
            List<Job> matching = live.values().stream()
                    .filter(j -> filter.extractorId() == null || j.extractorId().equals(filter.extractorId()))
                    .filter(j -> filter.createdAfter() == null || j.createdAt().isAfter(filter.createdAfter()))
                    .filter(j -> filter.createdBefore() == null || j.createdAt().isBefore(filter.createdBefore()))
                    .toList();
            JobStats actual = stats.forRange(filter);
            assertThat(actual)
                    .as(filter.toString())
                    .usingRecursiveComparison()
                    .ignoringFields("period", "fieldConfidence", "createdAfter", "createdBefore")
                    .isEqualTo(expectedStats(matching));
        }
    }

    /**
     * Metadata-filtered pages, totals and counts, which are answered from the metadata index alone
     * when no filter needs the jobs row, equal the same lists computed here from the jobs after
     * inserts, state changes through UPDATE (as workers make them) and deletes: the index follows
     * every status change.
     */
    @Test
    void metadataListsFollowTheJobsThroughStateChanges() {
        java.util.Random random = new java.util.Random(7);
        jdbc.sql("INSERT INTO organizations (id, name, created_at) VALUES ('org_m', 'm', 0)")
                .update();
        jdbc.sql("INSERT INTO extractors (id, org_id, name, document_type, field_definitions, created_at, updated_at)"
                        + " VALUES ('ext_m1', 'org_m', 'M1', 'invoice', '[]', 0, 0),"
                        + " ('ext_m2', 'org_m', 'M2', 'invoice', '[]', 0, 0)")
                .update();
        List<String> codes = List.of("document_corrupt");
        Map<String, Job> live = new java.util.LinkedHashMap<>();
        Map<String, Map<String, String>> metadataOf = new java.util.HashMap<>();
        for (int i = 0; i < 300; i++) {
            // Whole seconds, so that ties on the creation time are broken by id.
            Instant created = NOW.minusSeconds(random.nextInt(40 * 86_400 / 600) * 600L);
            Map<String, String> metadata =
                    Map.of("customer", "c" + random.nextInt(4), "vip", "" + random.nextBoolean());
            Job job = withOrgAndMetadata(
                    randomJob("job_m_" + i, random.nextBoolean() ? "ext_m1" : "ext_m2", created, random, codes),
                    "org_m",
                    "{\"customer\":\"" + metadata.get("customer") + "\",\"vip\":" + metadata.get("vip") + "}");
            jobs.insert(job);
            live.put(job.id(), job);
            metadataOf.put(job.id(), metadata);
        }
        for (Job job : new ArrayList<>(live.values())) {
            int change = random.nextInt(4);
            if (change == 0) {
                JobStatus status = JobStatus.values()[random.nextInt(JobStatus.values().length)];
                jdbc.sql("UPDATE jobs SET status = ? WHERE id = ?")
                        .params(status.value(), job.id())
                        .update();
                live.put(job.id(), withStatus(job, status));
            } else if (change == 1) {
                jdbc.sql("DELETE FROM jobs WHERE id = ?").param(job.id()).update();
                live.remove(job.id());
            }
        }
        List<Set<JobStatus>> statusSets =
                List.of(Set.of(), Set.of(JobStatus.COMPLETED), Set.of(JobStatus.QUEUED, JobStatus.FAILED));
        for (int i = 0; i < 60; i++) {
            Map<String, String> metadata = new java.util.HashMap<>();
            metadata.put("customer", "c" + random.nextInt(4));
            if (random.nextInt(3) == 0) {
                metadata.put("vip", "true");
            }
            Instant after = random.nextBoolean() ? null : NOW.minusSeconds(random.nextInt(40 * 86_400));
            Instant before = random.nextBoolean() ? null : NOW.minusSeconds(random.nextInt(40 * 86_400));
            JobFilter filter = new JobFilter(
                    "org_m",
                    false,
                    random.nextInt(4) == 0 ? "ext_m2" : null,
                    statusSets.get(random.nextInt(statusSets.size())),
                    after,
                    before,
                    null,
                    metadata);
            JobOrder order = random.nextBoolean() ? JobOrder.ASC : JobOrder.DESC;
            java.util.Comparator<Job> byCreation =
                    java.util.Comparator.comparing(Job::createdAt).thenComparing(Job::id);
            List<String> matching = live.values().stream()
                    .filter(j -> metadataOf.get(j.id()).entrySet().containsAll(metadata.entrySet()))
                    .filter(j ->
                            filter.statuses().isEmpty() || filter.statuses().contains(j.status()))
                    .filter(j -> filter.extractorId() == null || j.extractorId().equals(filter.extractorId()))
                    .filter(j -> after == null || j.createdAt().isAfter(after))
                    .filter(j -> before == null || j.createdAt().isBefore(before))
                    .sorted(order == JobOrder.ASC ? byCreation : byCreation.reversed())
                    .map(Job::id)
                    .toList();
            int offset = random.nextInt(Math.max(1, matching.size()));
            JobRepository.CountedPage page = jobs.queryCounted(filter, order, 7, offset);
            assertThat(page.jobs().stream().map(Job::id).toList())
                    .as(filter + " " + order + " offset " + offset)
                    .isEqualTo(matching.subList(offset, Math.min(matching.size(), offset + 7)));
            assertThat(page.jobs().stream().map(Job::status).toList())
                    .as("statuses read from the jobs rows")
                    .isEqualTo(page.jobs().stream()
                            .map(j -> live.get(j.id()).status())
                            .toList());
            if (!matching.isEmpty()) {
                assertThat(page.total()).as(filter.toString()).isEqualTo(matching.size());
            }
            assertThat(jobs.count(filter)).as(filter.toString()).isEqualTo(matching.size());
        }
    }

    private static Job withOrgAndMetadata(Job job, String org, String metadata) {
        return copy(job, org, job.status(), metadata);
    }

    private static Job withStatus(Job job, JobStatus status) {
        return copy(job, job.orgId(), status, job.metadata());
    }

    /** The job with another organization, status and metadata; everything else as it was. */
    private static Job copy(Job job, String org, JobStatus status, String metadata) {
        return new Job(
                job.id(),
                org,
                job.extractorId(),
                job.extractorVersion(),
                job.apiKeyId(),
                status,
                job.testMode(),
                job.mimeType(),
                job.filename(),
                job.fileSizeBytes(),
                job.blobKey(),
                job.pageCount(),
                job.extractedData(),
                job.confidence(),
                job.confidenceScore(),
                job.meanConfidence(),
                job.fieldLocations(),
                job.warnings(),
                job.processingTimeMs(),
                job.costCredits(),
                job.errorCode(),
                job.errorMessage(),
                job.errorSuggestion(),
                metadata,
                job.attempts(),
                job.runAfter(),
                job.lockedBy(),
                job.leaseExpiresAt(),
                job.version(),
                job.createdAt(),
                job.startedAt(),
                job.completedAt());
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Job randomJob(
            String id, String extractor, Instant created, java.util.Random random, List<String> codes) {
        JobStatus status = JobStatus.values()[random.nextInt(JobStatus.values().length)];
        boolean done = status == JobStatus.COMPLETED || status == JobStatus.FAILED;
        Instant started = status == JobStatus.QUEUED ? null : created.plusMillis(random.nextInt(2000));
        Instant completed = done && random.nextInt(10) > 0 ? started.plusMillis(random.nextInt(9000)) : null;
        boolean completedOk = status == JobStatus.COMPLETED;
        Double mean = completedOk && random.nextInt(8) > 0 ? random.nextInt(1000) / 1000.0 : null;
        return new Job(
                id,
                "org_r",
                extractor,
                1,
                null,
                status,
                false,
                "application/pdf",
                null,
                10,
                null,
                completedOk ? 1 + random.nextInt(5) : null,
                completedOk ? "{}" : null,
                null,
                mean,
                mean,
                null,
                null,
                null,
                completedOk ? random.nextInt(9) : 0,
                status == JobStatus.FAILED && random.nextInt(6) > 0 ? codes.get(random.nextInt(codes.size())) : null,
                null,
                null,
                "{}",
                1,
                created,
                null,
                null,
                1,
                created,
                started,
                completed);
    }

    /** Statistics computed from the jobs in memory, as API.md defines them. */
    private static JobStats expectedStats(List<Job> matching) {
        java.util.function.Function<JobStatus, Long> count =
                status -> matching.stream().filter(j -> j.status() == status).count();
        List<Job> completed =
                matching.stream().filter(j -> j.status() == JobStatus.COMPLETED).toList();
        List<Long> times = completed.stream()
                .filter(j -> j.startedAt() != null && j.completedAt() != null)
                .map(j -> j.completedAt().toEpochMilli() - j.startedAt().toEpochMilli())
                .sorted()
                .toList();
        List<Double> means = completed.stream()
                .map(Job::meanConfidence)
                .filter(java.util.Objects::nonNull)
                .toList();
        java.util.Map<String, List<Job>> byExtractor = new java.util.TreeMap<>();
        matching.forEach(j -> byExtractor
                .computeIfAbsent(j.extractorId(), k -> new ArrayList<>())
                .add(j));
        List<JobStats.ByExtractor> extractors = byExtractor.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, List<Job>>comparingByValue(
                                java.util.Comparator.comparingInt(List::size))
                        .reversed())
                .map(e -> {
                    List<Job> own = e.getValue();
                    long ok = own.stream()
                            .filter(j -> j.status() == JobStatus.COMPLETED)
                            .count();
                    long failed = own.stream()
                            .filter(j -> j.status() == JobStatus.FAILED)
                            .count();
                    List<Double> ownMeans = own.stream()
                            .filter(j -> j.status() == JobStatus.COMPLETED && j.meanConfidence() != null)
                            .map(Job::meanConfidence)
                            .toList();
                    return new JobStats.ByExtractor(
                            e.getKey(),
                            e.getKey().equals("ext_r1") ? "R1" : "R2",
                            own.size(),
                            JobStats.successRate(ok, failed),
                            ownMeans.isEmpty()
                                    ? null
                                    : JobStats.round(ownMeans.stream()
                                            .mapToDouble(d -> d)
                                            .average()
                                            .orElseThrow()));
                })
                .toList();
        java.util.Map<String, Long> errors = new java.util.TreeMap<>();
        matching.stream()
                .filter(j -> j.status() == JobStatus.FAILED && j.errorCode() != null)
                .forEach(j -> errors.merge(j.errorCode(), 1L, Long::sum));
        java.util.Map<String, Long> errorsOrdered = new java.util.LinkedHashMap<>();
        errors.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> errorsOrdered.put(e.getKey(), e.getValue()));
        java.util.Map<String, Long> byStatus = new java.util.LinkedHashMap<>();
        byStatus.put("completed", count.apply(JobStatus.COMPLETED));
        byStatus.put("failed", count.apply(JobStatus.FAILED));
        byStatus.put("queued", count.apply(JobStatus.QUEUED));
        byStatus.put("processing", count.apply(JobStatus.PROCESSING));
        return new JobStats(
                null,
                matching.size(),
                count.apply(JobStatus.COMPLETED),
                count.apply(JobStatus.FAILED),
                count.apply(JobStatus.QUEUED),
                count.apply(JobStatus.PROCESSING),
                JobStats.successRate(count.apply(JobStatus.COMPLETED), count.apply(JobStatus.FAILED)),
                times.isEmpty()
                        ? null
                        : Math.round(times.stream().mapToLong(t -> t).sum() / (double) times.size()),
                times.isEmpty() ? null : times.get((int) Math.ceil(0.50 * times.size()) - 1),
                times.isEmpty() ? null : times.get((int) Math.ceil(0.95 * times.size()) - 1),
                means.isEmpty()
                        ? null
                        : JobStats.round(means.stream().mapToDouble(d -> d).sum() / means.size()),
                matching.stream().mapToLong(Job::costCredits).sum(),
                matching.stream()
                        .mapToLong(j -> j.pageCount() == null ? 0 : j.pageCount())
                        .sum(),
                extractors,
                byStatus,
                errorsOrdered,
                null,
                null,
                null);
    }
}
