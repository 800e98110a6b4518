package io.docextract.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DocExtractApplication {

    public static void main(String[] args) {
        SpringApplication.run(DocExtractApplication.class, args);
    }
}
