package io.docextract.server.api;

import io.docextract.server.operations.Readiness;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Probes for orchestrators and load balancers; no API key needed. */
@RestController
public class OperationsController {

    private final Readiness readiness;

    public OperationsController(Readiness readiness) {
        this.readiness = readiness;
    }

    /** The process is alive and serving HTTP; says nothing about its dependencies. */
    @GetMapping("/healthz")
    public Map<String, String> health() {
        return Map.of("status", "ok");
    }

    /** 200 when the database answers and OCR is usable (or switched off); 503 otherwise. */
    @GetMapping("/readyz")
    public ResponseEntity<Map<String, Object>> ready() {
        Readiness.Report report = readiness.check();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.ready() ? "ready" : "not_ready");
        Map<String, Object> checks = new LinkedHashMap<>();
        report.checks().forEach((name, check) -> {
            Map<String, Object> shape = new LinkedHashMap<>();
            shape.put("status", check.status());
            if (check.detail() != null) {
                shape.put("detail", check.detail());
            }
            checks.put(name, shape);
        });
        body.put("checks", checks);
        if (report.ready()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(body);
    }
}
