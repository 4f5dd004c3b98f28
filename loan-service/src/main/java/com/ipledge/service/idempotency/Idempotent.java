package com.ipledge.service.idempotency;

import io.micronaut.aop.Around;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller method whose request may carry an {@code Idempotency-Key}: a retry with the same key and body answers
 * the first response again, byte for byte ({@link IdempotentRequests}). The operation is the HTTP method and the
 * request's path below {@code /api/v1} (e.g. {@code POST /loans/{id}/disbursement} with the id filled in), so a key
 * reused on another route or another loan is refused. The request hashed is the method's {@code @Body} argument and
 * the caller its {@code Caller} argument, which the method must declare; it also declares the
 * {@code @Header(IdempotentRequests.HEADER)} parameter, so that the OpenAPI contract names the header. The key, the
 * operation and the stored answer live in {@link IdempotentRequests}, which the three routes that hash another view of
 * their request still call themselves: the public form (its key is the form's token), user creation (without the
 * password) and batch uploads (content type and bytes, and a worker woken after the commit).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Around
public @interface Idempotent {
    /** Tells two representations of one route apart (e.g. {@code csv}): the operation ends in {@code " (csv)"}. */
    String variant() default "";
}
