package com.ipledge.service.idempotency;

import com.ipledge.service.security.Caller;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.type.MutableArgumentValue;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

/** Runs an {@link Idempotent} controller method through {@link IdempotentRequests}. */
@Singleton
@InterceptorBean(Idempotent.class)
class IdempotentInterceptor implements MethodInterceptor<Object, Object> {
    static final String API_PREFIX = "/api/v1";

    private final IdempotentRequests requests;

    IdempotentInterceptor(IdempotentRequests requests) {
        this.requests = requests;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        HttpRequest<?> request = ServerRequestContext.currentRequest()
                .orElseThrow(() -> new IllegalStateException("@Idempotent outside an HTTP request"));
        Caller caller = null;
        Object body = null;
        for (MutableArgumentValue<?> argument : context.getParameters().values()) {
            if (argument.getValue() instanceof Caller c) {
                caller = c;
            }
            if (argument.isAnnotationPresent(Body.class)) {
                body = argument.getValue();
            }
        }
        if (caller == null) {
            throw new IllegalStateException(context.getExecutableMethod() + " is @Idempotent without a Caller");
        }
        return requests.execute(caller, request.getHeaders().get(IdempotentRequests.HEADER),
                operation(request, context.stringValue(Idempotent.class, "variant").orElse("")), body,
                () -> (HttpResponse<?>) context.proceed());
    }

    /** {@code POST /loans/{id}/disbursement}, the path as requested below {@code /api/v1}. */
    static String operation(HttpRequest<?> request, String variant) {
        String path = request.getPath();
        if (path.startsWith(API_PREFIX + "/")) {
            path = path.substring(API_PREFIX.length());
        }
        return request.getMethodName() + " " + path + (variant.isEmpty() ? "" : " (" + variant + ")");
    }
}
