package io.docextract.server.api;

import io.docextract.server.admin.OrganizationKeys;
import io.docextract.server.auth.Caller;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An organization's own keys, with the {@code keys:write} scope. */
@RestController
public class KeysController {

    public record NewKey(String name, String mode, List<String> scopes) {}

    public record KeyList(List<KeyResponse> keys) {}

    private final OrganizationKeys keys;

    public KeysController(OrganizationKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/v1/keys")
    KeyList list(Caller caller) {
        return new KeyList(keys.list(caller).stream().map(KeyResponse::of).toList());
    }

    @PostMapping("/v1/keys")
    @ResponseStatus(HttpStatus.CREATED)
    KeyResponse create(Caller caller, @RequestBody(required = false) NewKey body) {
        NewKey request = body == null ? new NewKey(null, null, null) : body;
        return KeyResponse.of(keys.issue(caller, request.name(), request.mode(), request.scopes()));
    }

    @DeleteMapping("/v1/keys/{id}")
    KeyResponse revoke(Caller caller, @PathVariable String id) {
        return KeyResponse.of(keys.revoke(caller, id));
    }
}
