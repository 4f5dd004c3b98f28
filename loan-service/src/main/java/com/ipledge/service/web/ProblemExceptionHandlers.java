package com.ipledge.service.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.ipledge.service.problem.DomainProblem;
import com.ipledge.service.problem.FieldError;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JacksonExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Turns every kind of bad request into a problem+json body that names the offending field. */
@Factory
public class ProblemExceptionHandlers {

    static HttpResponse<?> render(ApiProblem p) {
        return Problems.respond(HttpResponse.status(p.status()),
                Problems.body(p.status(), p.type(), p.getMessage(), p.errors(), p.extensions()));
    }

    /** Problems raised at the web edge (filters, binders). */
    @Singleton
    static class ApiProblemHandler implements ExceptionHandler<ApiProblem, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ApiProblem exception) {
            return render(exception);
        }
    }

    /** Problems thrown by services, in the domain's terms. */
    @Singleton
    static class DomainProblemHandler implements ExceptionHandler<DomainProblem, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, DomainProblem exception) {
            return render(ApiProblem.from(exception));
        }
    }

    /** JSON of the wrong shape: unknown fields, wrong types. */
    @Singleton
    @Replaces(JacksonExceptionHandler.class)
    static class JacksonProblemHandler implements ExceptionHandler<JsonProcessingException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, JsonProcessingException exception) {
            return render(fromJackson(exception));
        }
    }

    /** A body that is not JSON at all. */
    @Singleton
    @Replaces(JsonExceptionHandler.class)
    static class JsonSyntaxProblemHandler implements ExceptionHandler<JsonSyntaxException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, JsonSyntaxException exception) {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof JsonProcessingException jpe) {
                    return render(fromJackson(jpe));
                }
            }
            return render(ApiProblem.invalid("body", "is not valid JSON"));
        }
    }

    /** A body or parameter that could not be bound to the declared type. */
    @Singleton
    @Replaces(ConversionErrorHandler.class)
    static class ConversionProblemHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof JsonProcessingException jpe) {
                    return render(fromJackson(jpe));
                }
            }
            String name = exception.getArgument().getName();
            return render(ApiProblem.invalid(name, "must be a valid " + exception.getArgument().getType()
                    .getSimpleName()));
        }
    }

    /** Bean validation on request records. */
    @Singleton
    @Replaces(ConstraintExceptionHandler.class)
    static class ConstraintProblemHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
            List<FieldError> errors = exception.getConstraintViolations().stream()
                    .map(v -> new FieldError(jsonPath(v), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList();
            return render(ApiProblem.invalid(errors));
        }
    }

    /** Drops the method and parameter nodes of a violation path: {@code create.request.name} -> {@code name}. */
    static String jsonPath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        boolean afterParameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                afterParameter = true;
                path.setLength(0);
                path.append(node.getName());
                continue;
            }
            if (node.getIndex() != null && path.length() > 0) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().isEmpty() && !node.getName().startsWith("<")) {
                if (afterParameter) {
                    path.setLength(0);
                    afterParameter = false;
                } else if (path.length() > 0) {
                    path.append('.');
                }
                path.append(node.getName());
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    static ApiProblem fromJackson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException jme ? path(jme.getPath()) : "";
        FieldNamingJsonFactory.ValueTooLarge tooLarge = cause(e, FieldNamingJsonFactory.ValueTooLarge.class);
        if (tooLarge != null) {
            // refused by the parser inside the field: a mapping path, if any, ends at the enclosing object
            field = tooLarge.field();
        }
        if (field.isEmpty()) {
            field = "body";
        }
        String message;
        if (e instanceof CheckedDeserializer.Rejected) {
            message = e.getOriginalMessage();
        } else if (tooLarge != null || cause(e, StreamConstraintsException.class) != null) {
            message = "is too large to read";
        } else if (cause(e, InputCoercionException.class) != null) {
            message = "is out of range for " + describe(cause(e, InputCoercionException.class).getTargetType());
        } else if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Trailing token")) {
            message = "has data after the JSON value";
        } else if (e instanceof UnrecognizedPropertyException u) {
            message = "is not a field of this request (read-only or unknown fields are rejected)";
            field = field.isEmpty() ? u.getPropertyName() : field;
        } else if (e instanceof InvalidFormatException f) {
            message = "cannot be read as " + describe(f.getTargetType());
        } else if (e instanceof MismatchedInputException m) {
            message = m.getTargetType() == null ? "has the wrong type" : "must be " + describe(m.getTargetType());
        } else {
            message = "is not valid JSON: " + e.getOriginalMessage();
        }
        return new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-request", field + " " + message,
                List.of(new FieldError(field, message)), Map.of());
    }

    /** {@code e} or the first of its causes that is a {@code type}; null if none is. */
    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "the declared type";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                names.add(c.toString());
            }
            return "one of " + names;
        }
        return switch (type.getSimpleName()) {
            case "BigDecimal", "Double", "double" -> "a number";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            case "LocalDate" -> "an ISO-8601 date (YYYY-MM-DD)";
            case "UUID" -> "a UUID";
            case "String" -> "a string";
            case "List", "Set" -> "an array";
            default -> "a " + type.getSimpleName() + " object";
        };
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
