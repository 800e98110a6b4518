package io.docextract.server.api;

import io.docextract.server.ApiException;
import io.docextract.server.ApiException.Detail;
import io.docextract.server.auth.Caller;
import io.docextract.server.auth.Scope;
import io.docextract.server.extractors.Extractor;
import io.docextract.server.extractors.ExtractorInput;
import io.docextract.server.extractors.ExtractorService;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /v1/extractors}: extraction templates of the caller's organization. */
@RestController
@RequestMapping("/v1/extractors")
public class ExtractorController {

    private final ExtractorService extractors;

    public ExtractorController(ExtractorService extractors) {
        this.extractors = extractors;
    }

    /** The list answer. */
    public record ExtractorList(List<Extractor> extractors, long total, int limit, int offset, boolean hasMore) {}

    @PostMapping
    ResponseEntity<Extractor> create(Caller caller, @RequestBody JsonNode body) {
        caller.require(Scope.EXTRACTORS_WRITE);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(extractors.create(caller, ExtractorInput.forCreate(body)));
    }

    @GetMapping
    ExtractorList list(
            Caller caller,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String offset,
            @RequestParam(name = "is_active", required = false) String isActive) {
        caller.require(Scope.EXTRACTORS_READ);
        List<Detail> details = new ArrayList<>();
        Paging paging = Paging.parse(limit, offset, details);
        Boolean active = null;
        if (isActive != null) {
            switch (isActive.strip()) {
                case "true" -> active = true;
                case "false" -> active = false;
                default -> details.add(new Detail("is_active", "must be true or false"));
            }
        }
        if (!details.isEmpty()) {
            throw ApiException.validation(details);
        }
        ExtractorService.Page page = extractors.list(caller, active, paging.limit(), paging.offset());
        return new ExtractorList(
                page.extractors(),
                page.total(),
                paging.limit(),
                paging.offset(),
                paging.hasMore(page.total(), page.extractors().size()));
    }

    @GetMapping("/{id}")
    Extractor get(Caller caller, @PathVariable String id) {
        caller.require(Scope.EXTRACTORS_READ);
        return extractors.get(caller, id);
    }

    @PatchMapping("/{id}")
    Extractor update(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        caller.require(Scope.EXTRACTORS_WRITE);
        return extractors.update(caller, id, ExtractorInput.forUpdate(body));
    }

    /** Archives (soft delete) and answers the archived extractor. */
    @DeleteMapping("/{id}")
    Extractor archive(Caller caller, @PathVariable String id) {
        caller.require(Scope.EXTRACTORS_WRITE);
        return extractors.archive(caller, id);
    }
}
