package io.docextract.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docextract.server.ApiException;
import io.docextract.server.DocExtractProperties;
import io.docextract.server.ErrorCode;
import io.docextract.server.api.AdminAuthentication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The guard on its own, for configurations the shared test server does not have. */
class AdminAuthenticationTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {
                "none, Bearer anything, NOT_FOUND",
                "'', Bearer anything, NOT_FOUND",
                "'  ', none, NOT_FOUND",
                "s3cret, none, MISSING_AUTHORIZATION",
                "s3cret, Bearer s3cre, INVALID_API_KEY",
                "s3cret, Bearer s3cret2, INVALID_API_KEY",
                "s3cret, Token s3cret, INVALID_API_KEY",
                "s3cret, Bearer s3cret, none",
                "s3cret, bearer s3cret, none",
            })
    void guardsByConfiguredToken(String configured, String header, ErrorCode expected) {
        AdminAuthentication guard = new AdminAuthentication(properties(configured));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin/v1/organizations");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        if (expected == null) {
            assertThat(guard.preHandle(request, new MockHttpServletResponse(), new Object()))
                    .isTrue();
        } else {
            assertThatThrownBy(() -> guard.preHandle(request, new MockHttpServletResponse(), new Object()))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.code()).isEqualTo(expected));
        }
    }

    private static DocExtractProperties properties(String adminToken) {
        return new DocExtractProperties(
                null, null, null, null, null, adminToken, null, null, null, null, null, null, null, null, null, null);
    }
}
