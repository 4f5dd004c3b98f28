package com.ipledge.service.web;

import com.ipledge.service.problem.FieldError;
import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * Renders every error the framework raises (no route, 401/403 from security, unreadable bodies, ...) as
 * problem+json, so that a bank's integration sees one error shape whatever failed.
 */
@Singleton
@Primary
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context,
                                                                    MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        List<FieldError> errors = context.getErrors().stream()
                .filter(e -> e.getPath().isPresent())
                .map(e -> new FieldError(e.getPath().get(), e.getMessage()))
                .toList();
        String detail = status.getCode() >= 500
                ? "The service failed to handle this request; it has been logged."
                : context.getErrors().stream().map(Error::getMessage).findFirst().orElse(status.getReason());
        return Problems.respond(response, Problems.body(status, Problems.typeFor(status), detail, errors, Map.of()));
    }
}
