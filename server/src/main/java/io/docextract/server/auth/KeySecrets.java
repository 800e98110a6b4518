package io.docextract.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Makes and hashes key secrets. Secrets carry 190 bits of randomness, so a plain SHA-256 is
 * enough to make a leaked table useless (a slow password hash guards low-entropy secrets, which
 * these are not) and keeps authentication to one indexed lookup per request.
 */
final class KeySecrets {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecrets() {}

    static String newSecret(boolean testMode) {
        StringBuilder secret = new StringBuilder(testMode ? "sk_test_" : "sk_live_");
        for (int i = 0; i < 32; i++) {
            secret.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return secret.toString();
    }

    static boolean looksLikeKey(String secret) {
        return (secret.startsWith("sk_live_") || secret.startsWith("sk_test_"))
                && secret.length() >= 16
                && secret.length() <= 200;
    }

    static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String hint(String secret) {
        return secret.substring(0, 8) + "…" + secret.substring(secret.length() - 4);
    }
}
