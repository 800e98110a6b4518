package io.docextract.server.storage;

/**
 * The few places where SQLite and PostgreSQL SQL differ. Everything else is shared SQL in the
 * repositories. Chosen once from the database URL.
 */
public sealed interface Dialect permits Dialect.Sqlite, Dialect.Postgres {

    /** A predicate that a JSON object column has {@code key} equal to the text bound at the placeholder. */
    String jsonTextEquals(String column, String keyLiteral);

    /**
     * A FROM-clause item listing the members of the JSON object in {@code column} as rows with
     * columns {@code <alias>.key} and {@code <alias>.value} (for numbers, use {@link #asDouble}).
     */
    String jsonEntries(String column, String alias);

    /** The expression as a floating-point number (a value column of {@link #jsonEntries}). */
    String asDouble(String expression);

    /** Whether {@code SELECT … FOR UPDATE SKIP LOCKED} is available for claiming rows. */
    boolean supportsSkipLocked();

    /** Bind placeholder for a JSON value being written. */
    String jsonParameter();

    static Dialect forUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return new Sqlite();
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return new Postgres();
        }
        throw new IllegalArgumentException(
                "unsupported database URL (use jdbc:sqlite: or jdbc:postgresql:): " + jdbcUrl);
    }

    record Sqlite() implements Dialect {
        @Override
        public String jsonTextEquals(String column, String keyLiteral) {
            return "json_extract(" + column + ", '$.\"' || " + keyLiteral + " || '\"') = ?";
        }

        @Override
        public String jsonEntries(String column, String alias) {
            return "json_each(" + column + ") AS " + alias;
        }

        @Override
        public String asDouble(String expression) {
            return expression;
        }

        @Override
        public boolean supportsSkipLocked() {
            return false;
        }

        @Override
        public String jsonParameter() {
            return "?";
        }
    }

    record Postgres() implements Dialect {
        @Override
        public String jsonTextEquals(String column, String keyLiteral) {
            return "(" + column + " ->> " + keyLiteral + ") = ?";
        }

        @Override
        public String jsonEntries(String column, String alias) {
            return "jsonb_each_text(" + column + ") AS " + alias + " (key, value)";
        }

        @Override
        public String asDouble(String expression) {
            return "CAST(" + expression + " AS DOUBLE PRECISION)";
        }

        @Override
        public boolean supportsSkipLocked() {
            return true;
        }

        @Override
        public String jsonParameter() {
            return "?::jsonb";
        }
    }
}
