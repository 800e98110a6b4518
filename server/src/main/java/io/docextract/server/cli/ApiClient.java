package io.docextract.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The HTTP client behind the user commands ({@code submit}, {@code wait}, {@code list}, {@code
 * stats}, {@code export}): they talk to a running service like any other API client.
 */
final class ApiClient {

    /** A non-2xx answer; its body is the API's error envelope. */
    static final class ApiCallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ApiCallFailed(int status, String body) {
            super("HTTP " + status + ": " + body);
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String apiKey;

    ApiClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
    }

    /** From {@code DOCEXTRACT_URL} (default {@code http://localhost:8080}) and {@code DOCEXTRACT_API_KEY}. */
    static ApiClient fromEnvironment(String urlOption, String keyOption) {
        String url =
                urlOption != null ? urlOption : System.getenv().getOrDefault("DOCEXTRACT_URL", "http://localhost:8080");
        String key = keyOption != null ? keyOption : System.getenv("DOCEXTRACT_API_KEY");
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("set DOCEXTRACT_API_KEY or pass --api-key");
        }
        return new ApiClient(url, key);
    }

    String get(String path, Map<String, String> query) {
        return body(send(request(path + queryString(query)).GET(), HttpResponse.BodyHandlers.ofString()));
    }

    InputStream stream(String path, Map<String, String> query) {
        HttpResponse<InputStream> response =
                send(request(path + queryString(query)).GET(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() / 100 != 2) {
            try (InputStream body = response.body()) {
                throw new ApiCallFailed(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return response.body();
    }

    String postJson(String path, String json) {
        return body(send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                HttpResponse.BodyHandlers.ofString()));
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + apiKey);
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String body(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new ApiCallFailed(response.statusCode(), response.body());
        }
        return response.body();
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        return query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
