package io.docextract.server.blobs;

import io.docextract.server.DocExtractProperties;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring download links for a job's original document:
 * {@code <base>/v1/files/<job_id>?expires=<unix seconds>&signature=<hex HMAC-SHA256>}, where the
 * signature covers {@code "<job_id>:<expires>"} under the server's signing secret. The link is
 * the only credential the download needs.
 */
@Component
public class DocumentLinks {

    /** Initialized with the secret; each signature uses a clone (a provider lookup per link cost more). */
    private final Mac keyedMac;

    private final InstantSource clock;
    private final long ttlSeconds;

    @Autowired
    public DocumentLinks(DocExtractProperties properties, InstantSource clock) {
        this(SigningSecret.resolve(properties), clock, properties.linkTtlSeconds());
    }

    DocumentLinks(byte[] secret, InstantSource clock, long ttlSeconds) {
        try {
            this.keyedMac = Mac.getInstance("HmacSHA256");
            keyedMac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
        this.clock = clock;
        this.ttlSeconds = ttlSeconds;
    }

    /** A link valid for the configured time from now. {@code baseUrl} has no trailing slash. */
    public String url(String baseUrl, String jobId) {
        long expires = clock.instant().getEpochSecond() + ttlSeconds;
        return baseUrl + "/v1/files/" + jobId + "?expires=" + expires + "&signature=" + signature(jobId, expires);
    }

    /** Whether the link parameters are authentic and not expired. */
    public boolean isValid(String jobId, String expires, String signature) {
        if (jobId == null || expires == null || signature == null) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] expected = signature(jobId, expiry).getBytes(StandardCharsets.US_ASCII);
        boolean authentic = MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        return authentic && Instant.ofEpochSecond(expiry).isAfter(clock.instant());
    }

    String signature(String jobId, long expires) {
        try {
            Mac mac = (Mac) keyedMac.clone();
            return HexFormat.of().formatHex(mac.doFinal((jobId + ":" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }
}
