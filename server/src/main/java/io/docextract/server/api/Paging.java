package io.docextract.server.api;

import io.docextract.server.ApiException;
import java.util.ArrayList;
import java.util.List;

/** The {@code limit} / {@code offset} of a list request: limit 1–1000 (default 50), offset ≥ 0. */
record Paging(int limit, int offset) {

    static Paging of(Integer limit, Integer offset) {
        List<ApiException.Detail> problems = new ArrayList<>();
        if (limit != null && (limit < 1 || limit > 1000)) {
            problems.add(new ApiException.Detail("limit", "must be between 1 and 1000"));
        }
        if (offset != null && offset < 0) {
            problems.add(new ApiException.Detail("offset", "must be 0 or more"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new Paging(limit == null ? 50 : limit, offset == null ? 0 : offset);
    }

    boolean hasMore(int returned, long total) {
        return offset + returned < total;
    }
}
