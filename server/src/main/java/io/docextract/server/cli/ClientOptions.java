package io.docextract.server.cli;

import picocli.CommandLine.Option;

/** Where the user commands find the service and which key they use. */
class ClientOptions {

    @Option(
            names = "--url",
            description = "Base URL of the service (default: DOCEXTRACT_URL or http://localhost:8080).")
    String url;

    @Option(names = "--api-key", description = "API key (default: DOCEXTRACT_API_KEY).")
    String apiKey;

    ApiClient client() {
        return ApiClient.fromEnvironment(url, apiKey);
    }
}
