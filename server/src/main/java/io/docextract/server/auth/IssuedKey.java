package io.docextract.server.auth;

/** A key just created: the only moment its secret is known. */
public record IssuedKey(ApiKey key, String secret) {}
