package io.docextract.server.auth;

import io.docextract.server.ApiException;
import io.docextract.server.ErrorCode;
import io.docextract.server.Ids;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Organizations and their API keys: creation, authentication, revocation.
 *
 * <p>Authentication remembers the caller of a key for {@link #CALLER_TTL}: every request would
 * otherwise read its key and its organization (two queries and a third of a submit's database
 * time). A change made through this service (revocation, limits, plan, credit enforcement) applies
 * at once in this process; another process (the operator command line, another API process on
 * the same PostgreSQL) sees it within the TTL.
 */
@Service
public class AccessService {

    static final Duration CALLER_TTL = Duration.ofSeconds(5);
    /** A bound on remembered callers; past it they are all forgotten (keys are few, so rarely). */
    static final int MAX_CALLERS = 10_000;

    private final OrganizationRepository organizations;
    private final ApiKeyRepository keys;
    private final InstantSource clock;
    private final Map<String, Remembered> callers = new ConcurrentHashMap<>();
    // Moves on every change, so that a lookup that read the database before the change is not kept.
    private final AtomicLong generation = new AtomicLong();

    private record Remembered(Caller caller, long expiresAtNanos) {}

    public AccessService(OrganizationRepository organizations, ApiKeyRepository keys, InstantSource clock) {
        this.organizations = organizations;
        this.keys = keys;
        this.clock = clock;
    }

    @Transactional
    public Organization createOrganization(String name, Plan plan) {
        Organization org = new Organization(Ids.newId("org"), name, plan, 90, false, null, null, null, clock.instant());
        organizations.insert(org);
        return org;
    }

    @Transactional
    public IssuedKey issueKey(String orgId, String name, boolean testMode, Set<Scope> scopes) {
        return issueKey(orgId, name, testMode, scopes, null, null);
    }

    /** A key with request limits of its own (null: only the organization's limits apply). */
    @Transactional
    public IssuedKey issueKey(
            String orgId,
            String name,
            boolean testMode,
            Set<Scope> scopes,
            Integer requestsPerMinute,
            Integer requestsPerHour) {
        organization(orgId);
        String secret = KeySecrets.newSecret(testMode);
        ApiKey key = new ApiKey(
                Ids.newId("key"),
                orgId,
                name,
                KeySecrets.hint(secret),
                testMode,
                Set.copyOf(scopes),
                clock.instant(),
                null,
                null,
                requestsPerMinute,
                requestsPerHour);
        keys.insert(key, KeySecrets.hash(secret));
        return new IssuedKey(key, secret);
    }

    public Organization organization(String orgId) {
        return organizations
                .find(orgId)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No organization " + orgId + "."));
    }

    public List<Organization> organizations() {
        return organizations.findAll();
    }

    @Transactional
    public Organization updateOrganization(Organization org) {
        organization(org.id());
        organizations.update(org);
        forgetCallers();
        return org;
    }

    public List<ApiKey> keys(String orgId) {
        return keys.findByOrg(orgId);
    }

    /** @throws ApiException {@code not_found} when the organization has no such key */
    public ApiKey key(String orgId, String keyId) {
        return keys.find(orgId, keyId).orElseThrow(() -> noKey(keyId));
    }

    @Transactional
    public ApiKey updateKeyLimits(String orgId, String keyId, Integer requestsPerMinute, Integer requestsPerHour) {
        if (!keys.updateLimits(orgId, keyId, requestsPerMinute, requestsPerHour)) {
            throw noKey(keyId);
        }
        forgetCallers();
        return key(orgId, keyId);
    }

    private static ApiException noKey(String keyId) {
        return new ApiException(ErrorCode.NOT_FOUND, "No key " + keyId + " in this organization.");
    }

    public void revokeKey(String orgId, String keyId) {
        if (!keys.revoke(orgId, keyId, clock.instant())) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No active key " + keyId + " in this organization.");
        }
        forgetCallers();
    }

    /**
     * The caller a bearer secret stands for.
     *
     * @throws ApiException {@code invalid_api_key} for a malformed, unknown or revoked key
     */
    public Caller authenticate(String secret) {
        if (!KeySecrets.looksLikeKey(secret)) {
            throw invalidKey();
        }
        String hash = KeySecrets.hash(secret);
        long now = System.nanoTime();
        Remembered remembered = callers.get(hash);
        if (remembered != null && now - remembered.expiresAtNanos() < 0) {
            return remembered.caller();
        }
        long seen = generation.get();
        ApiKey key = keys.findActiveByHash(hash).orElseThrow(AccessService::invalidKey);
        Organization org = organizations.find(key.orgId()).orElseThrow(AccessService::invalidKey);
        Caller caller =
                new Caller(org, key.id(), key.testMode(), key.scopes(), key.requestsPerMinute(), key.requestsPerHour());
        if (callers.size() >= MAX_CALLERS) {
            callers.clear();
        }
        callers.put(hash, new Remembered(caller, now + CALLER_TTL.toNanos()));
        if (generation.get() != seen) {
            callers.remove(hash);
        }
        return caller;
    }

    /** Forgets every remembered caller once the current transaction (if any) has committed. */
    private void forgetCallers() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forgetCallersNow();
                }
            });
        } else {
            forgetCallersNow();
        }
    }

    private void forgetCallersNow() {
        generation.incrementAndGet();
        callers.clear();
    }

    public boolean hasOrganizations() {
        return !organizations.isEmpty();
    }

    private static ApiException invalidKey() {
        return new ApiException(ErrorCode.INVALID_API_KEY, "The API key is malformed, unknown or revoked.");
    }
}
