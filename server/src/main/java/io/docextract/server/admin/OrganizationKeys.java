package io.docextract.server.admin;

import io.docextract.server.ApiException;
import io.docextract.server.ErrorCode;
import io.docextract.server.auth.AccessService;
import io.docextract.server.auth.ApiKey;
import io.docextract.server.auth.Caller;
import io.docextract.server.auth.IssuedKey;
import io.docextract.server.auth.Scope;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization managing its own keys with a {@code keys:write} key. A key never hands out
 * more than it holds: no scope it lacks, and a test key makes only test keys. Request limits of
 * keys are set by administrators only.
 */
@Service
public class OrganizationKeys {

    private final AccessService access;

    public OrganizationKeys(AccessService access) {
        this.access = access;
    }

    @Transactional
    public IssuedKey issue(Caller caller, String name, String mode, List<String> scopeNames) {
        caller.require(Scope.KEYS_WRITE);
        boolean testMode = switch (mode == null ? (caller.testMode() ? "test" : "live") : mode) {
            case "live" -> false;
            case "test" -> true;
            default -> throw ApiException.validation("mode", "must be live or test");
        };
        if (caller.testMode() && !testMode) {
            throw new ApiException(ErrorCode.INSUFFICIENT_SCOPE, "A test key can only create test keys.");
        }
        Set<Scope> scopes = scopeNames == null ? caller.scopes() : Administration.scopes(scopeNames);
        if (!caller.scopes().containsAll(scopes)) {
            throw new ApiException(ErrorCode.INSUFFICIENT_SCOPE, "A key can only grant scopes it holds itself.");
        }
        String keyName = name == null || name.isBlank() ? "key" : name.strip();
        if (keyName.length() > Administration.MAX_NAME_LENGTH) {
            throw ApiException.validation("name", "must be at most " + Administration.MAX_NAME_LENGTH + " characters");
        }
        return access.issueKey(caller.orgId(), keyName, testMode, scopes);
    }

    public List<ApiKey> list(Caller caller) {
        caller.require(Scope.KEYS_WRITE);
        return access.keys(caller.orgId());
    }

    @Transactional
    public ApiKey revoke(Caller caller, String keyId) {
        caller.require(Scope.KEYS_WRITE);
        ApiKey key = access.key(caller.orgId(), keyId);
        if (caller.testMode() && !key.testMode()) {
            throw new ApiException(ErrorCode.INSUFFICIENT_SCOPE, "A test key can only revoke test keys.");
        }
        access.revokeKey(caller.orgId(), keyId);
        return access.key(caller.orgId(), keyId);
    }
}
