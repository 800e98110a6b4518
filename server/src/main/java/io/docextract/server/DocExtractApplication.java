package io.docextract.server;

import java.time.InstantSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DocExtractApplication {

    public static void main(String[] args) {
        SpringApplication.run(DocExtractApplication.class, args);
    }

    /** Time for everything that stores or compares instants; tests replace it to drive leases. */
    @Bean
    InstantSource instantSource() {
        return InstantSource.system();
    }
}
