package io.docextract.server.storage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Whether the database answers, for readiness. */
@Repository
public class DatabaseProbe {

    private final JdbcClient jdbc;

    public DatabaseProbe(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs a trivial query; throws when the database cannot be reached. */
    public void ping() {
        jdbc.sql("SELECT 1").query(Integer.class).single();
    }
}
