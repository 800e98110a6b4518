package io.docextract.server.auth;

import io.docextract.server.ApiException;
import io.docextract.server.ErrorCode;
import io.docextract.server.Ids;
import io.docextract.server.storage.ReadCache;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    private final OrganizationRepository organizations;
    private final ApiKeyRepository keys;
    private final InstantSource clock;
    private final ReadCache<String, Caller> callers = new ReadCache<>(CALLER_TTL, 10_000);

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
        callers.forgetAfterCommit();
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
        callers.forgetAfterCommit();
        return key(orgId, keyId);
    }

    private static ApiException noKey(String keyId) {
        return new ApiException(ErrorCode.NOT_FOUND, "No key " + keyId + " in this organization.");
    }

    public void revokeKey(String orgId, String keyId) {
        if (!keys.revoke(orgId, keyId, clock.instant())) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No active key " + keyId + " in this organization.");
        }
        callers.forgetAfterCommit();
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
        Caller caller = callers.get(KeySecrets.hash(secret), this::load);
        if (caller == null) {
            throw invalidKey();
        }
        return caller;
    }

    /** The caller of an active key with that hash, or null. */
    private Caller load(String hash) {
        ApiKey key = keys.findActiveByHash(hash).orElse(null);
        Organization org = key == null ? null : organizations.find(key.orgId()).orElse(null);
        if (org == null) {
            return null;
        }
        return new Caller(org, key.id(), key.testMode(), key.scopes(), key.requestsPerMinute(), key.requestsPerHour());
    }

    public boolean hasOrganizations() {
        return !organizations.isEmpty();
    }

    private static ApiException invalidKey() {
        return new ApiException(ErrorCode.INVALID_API_KEY, "The API key is malformed, unknown or revoked.");
    }
}
