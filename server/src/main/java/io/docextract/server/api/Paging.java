package io.docextract.server.api;

import io.docextract.server.ApiException.Detail;
import java.util.List;

/** {@code limit} and {@code offset} of a list request, checked. */
public record Paging(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    /** Parses both parameters, adding a detail for each bad one (then the answer is a default). */
    public static Paging parse(String limit, String offset, List<Detail> details) {
        return new Paging(
                integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT, details),
                integer("offset", offset, 0, 0, Integer.MAX_VALUE, details));
    }

    /** For controllers that bind {@code limit}/{@code offset} as integers: throws on a bad value. */
    public static Paging of(Integer limit, Integer offset) {
        List<Detail> details = new java.util.ArrayList<>();
        Paging paging =
                parse(limit == null ? null : limit.toString(), offset == null ? null : offset.toString(), details);
        if (!details.isEmpty()) {
            throw io.docextract.server.ApiException.validation(details);
        }
        return paging;
    }

    public boolean hasMore(long total, int returned) {
        return (long) offset + returned < total;
    }

    static int integer(String name, String value, int fallback, int min, int max, List<Detail> details) {
        if (value == null) {
            return fallback;
        }
        String range = max == Integer.MAX_VALUE ? "an integer >= " + min : "an integer between " + min + " and " + max;
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < min || parsed > max) {
                details.add(new Detail(name, "must be " + range));
                return fallback;
            }
            return (int) parsed;
        } catch (NumberFormatException e) {
            details.add(new Detail(name, "must be " + range));
            return fallback;
        }
    }
}
