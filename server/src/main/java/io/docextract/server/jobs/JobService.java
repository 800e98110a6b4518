package io.docextract.server.jobs;

import io.docextract.server.ApiException;
import io.docextract.server.ErrorCode;
import io.docextract.server.auth.Caller;
import io.docextract.server.blobs.BlobStore;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Reading and deleting an organization's jobs. Reads are not transactional on purpose: on SQLite
 * every transaction takes the write lock.
 */
@Service
public class JobService {

    private final JobRepository jobs;
    private final BlobStore blobs;

    public JobService(JobRepository jobs, BlobStore blobs) {
        this.jobs = jobs;
        this.blobs = blobs;
    }

    /** One page of matching jobs and the number of all matches. */
    public record Page(List<Job> jobs, long total) {}

    /** @throws ApiException {@code job_not_found} unless it is the caller's organization's and mode's */
    public Job get(Caller caller, String id) {
        return jobs.find(caller.orgId(), caller.testMode(), id).orElseThrow(() -> notFound(id));
    }

    public Page list(JobFilter filter, JobOrder order, int limit, int offset) {
        if (!filter.metadata().isEmpty()) {
            JobRepository.CountedPage counted = jobs.queryCounted(filter, order, limit, offset);
            // An empty page past the end carries no count.
            long total = counted.jobs().isEmpty() && offset > 0 ? jobs.count(filter) : counted.total();
            return new Page(counted.jobs(), total);
        }
        List<Job> page = jobs.query(filter, order, limit, offset);
        // A short first page is its own total; otherwise count (exact, as the API promises).
        long total = offset == 0 && page.size() < limit ? page.size() : jobs.count(filter);
        return new Page(page, total);
    }

    /**
     * Deletes a finished job, its results and its stored document.
     *
     * @throws ApiException {@code job_not_finished} while it is queued or processing
     */
    public void delete(Caller caller, String id) {
        Job job = get(caller, id);
        if (!job.status().isTerminal() || !jobs.deleteFinished(caller.orgId(), caller.testMode(), id)) {
            throw new ApiException(
                    ErrorCode.JOB_NOT_FINISHED,
                    "Job " + id + " is " + job.status().value() + "; only completed or failed jobs can be deleted.");
        }
        // Row first, then bytes: a crash in between leaves an unreferenced blob, never a job without bytes.
        if (job.blobKey() != null) {
            blobs.delete(job.blobKey());
        }
    }

    static ApiException notFound(String id) {
        return new ApiException(ErrorCode.JOB_NOT_FOUND, "No job " + id + " in this organization.");
    }
}
