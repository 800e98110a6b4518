package io.docextract.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.docextract.server.DocExtractProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The connection pool for the configured database, with the settings each database needs. */
@Configuration(proxyBeanMethods = false)
public class DataSourceConfiguration {

    @Bean
    Dialect dialect(DocExtractProperties properties) {
        return Dialect.forUrl(properties.databaseUrl());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DocExtractProperties properties, Dialect dialect) {
        HikariConfig config = new HikariConfig();
        String url = properties.databaseUrl();
        config.setPoolName("docextract");
        switch (dialect) {
            case Dialect.Sqlite sqlite -> {
                createParentFolder(url.substring("jdbc:sqlite:".length()));
                // WAL lets readers run beside the one writer; IMMEDIATE transactions take the write
                // lock up front, so two writers wait for each other (busy_timeout) instead of
                // failing on lock upgrade.
                Properties settings = new Properties();
                settings.setProperty("journal_mode", "WAL");
                settings.setProperty("synchronous", "NORMAL");
                settings.setProperty("busy_timeout", "30000");
                settings.setProperty("foreign_keys", "true");
                settings.setProperty("transaction_mode", "IMMEDIATE");
                // Reads through a memory map share the operating system's page cache between the
                // pooled connections and cost no read() per page; each connection keeps 16 MB of
                // pages of its own (the default is 2 MB, less than the jobs indexes at 100,000 jobs).
                settings.setProperty("mmap_size", Long.toString(256L * 1024 * 1024));
                settings.setProperty("cache_size", Integer.toString(-16 * 1024));
                // sqlite-jdbc compiles every statement anew; the pool's connections keep theirs.
                config.setDataSource(
                        new StatementCachingDataSource(new SimpleDriverDataSource(driver(url), url, settings)));
                config.setMaximumPoolSize(8);
            }
            case Dialect.Postgres postgres -> {
                // stringtype=unspecified lets JSON text bind to jsonb columns like it binds to TEXT on SQLite.
                config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "stringtype=unspecified");
                config.setMaximumPoolSize(16);
            }
        }
        return new HikariDataSource(config);
    }

    private static Driver driver(String url) {
        try {
            return DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new IllegalStateException("no JDBC driver for " + url, e);
        }
    }

    private static void createParentFolder(String file) {
        String path = file.contains("?") ? file.substring(0, file.indexOf('?')) : file;
        if (path.isBlank() || path.equals(":memory:") || path.startsWith("file::memory:")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database folder " + parent, e);
        }
    }
}
