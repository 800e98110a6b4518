package io.docextract.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tells subscribers when another process (or a trigger) signals a channel: PostgreSQL
 * {@code LISTEN/NOTIFY} on one dedicated connection. SQLite has no such thing; there subscribers
 * are never called and rely on polling. Notifications are hints, never the only way work is
 * found: one may be missed while the connection is re-established.
 */
@Component
public class DatabaseNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Map<String, List<Runnable>> subscribers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread listener;

    public DatabaseNotifications(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** Calls {@code onNotify} (on the listener thread; keep it quick) whenever the channel is signalled. */
    public void subscribe(String channel, Runnable onNotify) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("channel names are lower-case identifiers: " + channel);
        }
        subscribers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(onNotify);
    }

    @Override
    public synchronized void start() {
        if (running || !(dialect instanceof Dialect.Postgres)) {
            return;
        }
        running = true;
        listener = Thread.ofPlatform().name("db-notifications").daemon(true).start(this::listen);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listener = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                PGConnection postgres = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    for (String channel : subscribers.keySet()) {
                        statement.execute("LISTEN " + channel);
                    }
                }
                // Anything signalled while we were not listening is not lost work, but wake
                // everyone once so that it is looked at now rather than at the next poll.
                subscribers.values().forEach(list -> list.forEach(Runnable::run));
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(1000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        subscribers
                                .getOrDefault(notification.getName(), List.of())
                                .forEach(Runnable::run);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("listening for database notifications failed; retrying: {}", e.toString());
                try {
                    Thread.sleep(RECONNECT_DELAY);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
