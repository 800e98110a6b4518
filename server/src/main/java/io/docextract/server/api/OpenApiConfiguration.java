package io.docextract.server.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The description around the generated {@code /openapi.json}: title, licence, and the bearer-key
 * scheme every {@code /v1} operation uses (so the interactive docs at {@code /docs} can send a key).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String API_KEY = "api_key";

    @Bean
    OpenAPI docExtractOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("DocExtract API")
                        .description("Typed fields with calibrated confidence and locations from documents. "
                                + "Authenticate with `Authorization: Bearer sk_live_…` or `sk_test_…`.")
                        .version("v1")
                        .license(new License()
                                .name("Apache License 2.0")
                                .url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API key: sk_live_… or sk_test_…")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }
}
