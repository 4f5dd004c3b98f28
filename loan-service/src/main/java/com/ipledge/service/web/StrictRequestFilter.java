package com.ipledge.service.web;

import com.ipledge.service.problem.FieldError;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * What the API refuses before any route reads a request, after authentication (a stranger hears 401 first):
 * a query parameter with a NUL character (PostgreSQL refuses them: a 500 otherwise), and a body without a
 * Content-Type (marked by {@link MissingContentTypeFilter}): 415 naming the types the route accepts.
 */
@Filter("/api/**")
public class StrictRequestFilter implements HttpServerFilter {
    private final Router router;

    public StrictRequestFilter(Router router) {
        this.router = router;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        List<FieldError> errors = new ArrayList<>();
        request.getParameters().forEach((name, values) -> {
            if (name.indexOf('\0') >= 0 || values.stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                errors.add(new FieldError(name, "must not contain NUL characters"));
            }
        });
        if (!errors.isEmpty()) {
            return Publishers.just(respond(ApiProblem.invalid(errors)));
        }
        if (request.getAttribute(MissingContentTypeFilter.MISSING).isPresent()) {
            List<String> accepted = accepted(request);
            return Publishers.just(respond(new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "A body needs a Content-Type; this route accepts " + String.join(", ", accepted) + ".",
                    List.of(), Map.of("acceptedTypes", accepted))));
        }
        return chain.proceed(request);
    }

    /** The media types the routes of this method and path consume, whatever the request's Content-Type. */
    private List<String> accepted(HttpRequest<?> request) {
        List<String> types = router.findAny(request.getPath(), request)
                .filter(m -> m.getHttpMethod() == request.getMethod())
                .flatMap(m -> m.getRouteInfo().getConsumes().stream())
                .map(MediaType::toString).distinct().sorted().toList();
        return types.isEmpty() ? List.of(MediaType.APPLICATION_JSON) : types;
    }

    private static MutableHttpResponse<?> respond(ApiProblem p) {
        return Problems.respond(HttpResponse.status(p.status()),
                Problems.body(p.status(), p.type(), p.getMessage(), p.errors(), p.extensions()));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
