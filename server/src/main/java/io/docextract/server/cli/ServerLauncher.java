package io.docextract.server.cli;

import io.docextract.server.DocExtractApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application in one of its roles. */
final class ServerLauncher {

    private ServerLauncher() {}

    /** Starts the service and returns once it is up; the JVM keeps running on the non-daemon threads. */
    static ConfigurableApplicationContext start(String role, boolean web, List<String> properties) {
        SpringApplication application = new SpringApplication(DocExtractApplication.class);
        application.setWebApplicationType(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        List<String> args = new ArrayList<>(properties);
        args.add("--docextract.role=" + role);
        return application.run(args.toArray(String[]::new));
    }
}
