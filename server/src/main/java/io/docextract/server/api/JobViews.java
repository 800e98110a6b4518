package io.docextract.server.api;

import io.docextract.server.DocExtractProperties;
import io.docextract.server.blobs.DocumentLinks;
import io.docextract.server.jobs.Job;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Component;

/** Turns jobs into their API objects, with a fresh signed {@code document_url}. */
@Component
public class JobViews {

    private final DocumentLinks links;
    private final DocExtractProperties properties;

    public JobViews(DocumentLinks links, DocExtractProperties properties) {
        this.links = links;
        this.properties = properties;
    }

    public JobView of(Job job, HttpServletRequest request) {
        return of(job, baseUrl(request));
    }

    public List<JobView> of(List<Job> jobs, HttpServletRequest request) {
        String base = baseUrl(request);
        return jobs.stream().map(job -> of(job, base)).toList();
    }

    /** With an explicit base (e.g. for webhook payloads, made outside any request). */
    public JobView of(Job job, String baseUrl) {
        return JobView.of(job, job.blobKey() == null ? null : links.url(baseUrl, job.id()));
    }

    /** {@code DOCEXTRACT_PUBLIC_URL}, else the scheme, host and port the request came to. */
    public String baseUrl(HttpServletRequest request) {
        return properties.publicUrl() != null ? properties.publicUrl() : ErrorResponses.baseUrl(request);
    }
}
