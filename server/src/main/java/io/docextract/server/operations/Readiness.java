package io.docextract.server.operations;

import io.docextract.engine.document.TesseractOcr;
import io.docextract.server.DocExtractProperties;
import io.docextract.server.storage.DatabaseProbe;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Service;

/**
 * Whether this process should receive traffic: the database answers, OCR works (or is switched
 * off on purpose), and the process is not shutting down.
 */
@Service
public class Readiness {

    private static final Logger log = LoggerFactory.getLogger(Readiness.class);

    private final DatabaseProbe database;
    private final TesseractOcr ocr;
    private final DocExtractProperties properties;
    private final ApplicationAvailability availability;

    public Readiness(
            DatabaseProbe database,
            TesseractOcr ocr,
            DocExtractProperties properties,
            ApplicationAvailability availability) {
        this.database = database;
        this.ocr = ocr;
        this.properties = properties;
        this.availability = availability;
    }

    /** One check's outcome; {@code detail} says why when it is not up. */
    public record Check(String status, String detail) {
        static Check up(String detail) {
            return new Check("up", detail);
        }

        static Check down(String detail) {
            return new Check("down", detail);
        }

        boolean passes() {
            return !status.equals("down");
        }
    }

    /** The checks by name and whether all pass. */
    public record Report(boolean ready, Map<String, Check> checks) {}

    public Report check() {
        Map<String, Check> checks = new LinkedHashMap<>();
        try {
            database.ping();
            checks.put("database", Check.up(null));
        } catch (RuntimeException e) {
            log.warn("readiness: database unreachable: {}", e.toString());
            checks.put("database", Check.down("The database cannot be reached."));
        }
        if (!properties.ocrEnabled()) {
            checks.put("ocr", new Check("disabled", "OCR is switched off (DOCEXTRACT_OCR=off)."));
        } else if (ocr.available()) {
            checks.put("ocr", Check.up("languages " + ocr.languages()));
        } else {
            checks.put("ocr", Check.down("Tesseract is not installed or has no language data."));
        }
        checks.put(
                "traffic",
                availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC
                        ? Check.up(null)
                        : Check.down("The service is shutting down."));
        return new Report(checks.values().stream().allMatch(Check::passes), checks);
    }
}
