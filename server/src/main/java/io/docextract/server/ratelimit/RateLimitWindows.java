package io.docextract.server.ratelimit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The fixed-window request counters, shared through the database by every API process. */
@Repository
public class RateLimitWindows {

    private final JdbcClient jdbc;

    public RateLimitWindows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts one request in every given window, atomically per row, in one statement.
     *
     * @param windows bucket → window start (epoch millis)
     * @return bucket → the count after this request
     */
    public Map<String, Long> increment(Map<String, Long> windows) {
        StringJoiner values = new StringJoiner(", ");
        List<Object> params = new ArrayList<>();
        windows.forEach((bucket, start) -> {
            values.add("(?, ?, 1)");
            params.add(bucket);
            params.add(start);
        });
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("INSERT INTO rate_limit_windows (bucket, window_start, count) VALUES " + values + """
                         ON CONFLICT (bucket, window_start)
                        DO UPDATE SET count = rate_limit_windows.count + 1
                        RETURNING bucket, count""")
                .params(params)
                .query(rs -> {
                    counts.put(rs.getString("bucket"), rs.getLong("count"));
                });
        return counts;
    }

    /** Takes back one count from each window, for a request that was refused. */
    public void decrement(Map<String, Long> windows) {
        StringJoiner matches = new StringJoiner(" OR ");
        List<Object> params = new ArrayList<>();
        windows.forEach((bucket, start) -> {
            matches.add("(bucket = ? AND window_start = ?)");
            params.add(bucket);
            params.add(start);
        });
        jdbc.sql("UPDATE rate_limit_windows SET count = count - 1 WHERE count > 0 AND (" + matches + ")")
                .params(params)
                .update();
    }

    /** @return how many windows were deleted */
    public int deleteStartedBefore(long epochMillis) {
        return jdbc.sql("DELETE FROM rate_limit_windows WHERE window_start < ?")
                .param(epochMillis)
                .update();
    }
}
