package io.docextract.server.admin;

import java.util.List;

/**
 * A key to issue. {@code scopes} null means every scope; limits null mean only the
 * organization's apply.
 */
public record KeyRequest(
        String name, boolean testMode, List<String> scopes, Integer requestsPerMinute, Integer requestsPerHour) {}
