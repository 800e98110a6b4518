package io.docextract.server.api;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private final Authentication authentication;
    private final RateLimiting rateLimiting;
    private final AdminAuthentication adminAuthentication;
    private final CallerArgumentResolver callerResolver;

    public WebConfiguration(
            Authentication authentication,
            RateLimiting rateLimiting,
            AdminAuthentication adminAuthentication,
            CallerArgumentResolver callerResolver) {
        this.authentication = authentication;
        this.rateLimiting = rateLimiting;
        this.adminAuthentication = adminAuthentication;
        this.callerResolver = callerResolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Signed file links carry their own proof and need no key.
        registry.addInterceptor(authentication).addPathPatterns("/v1/**").excludePathPatterns("/v1/files/**");
        // Registered after authentication: it counts the caller that authentication resolved.
        registry.addInterceptor(rateLimiting).addPathPatterns("/v1/**").excludePathPatterns("/v1/files/**");
        registry.addInterceptor(adminAuthentication).addPathPatterns("/admin/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callerResolver);
    }
}
