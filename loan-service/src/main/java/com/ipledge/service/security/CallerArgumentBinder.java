package com.ipledge.service.security;

import io.micronaut.core.bind.ArgumentBinder.BindingResult;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Lets a controller method take {@code Caller caller} instead of building one from the {@link Authentication} in
 * every method. Until the security filter has run the binding is postponed (unsatisfied), as Micronaut's own
 * {@code Authentication} binder does.
 */
@Singleton
final class CallerArgumentBinder implements TypedRequestArgumentBinder<Caller> {
    private static final Argument<Caller> TYPE = Argument.of(Caller.class);

    @Override
    public Argument<Caller> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
        if (!source.getAttributes().contains(SecurityFilter.KEY)) {
            return BindingResult.unsatisfied();
        }
        Optional<Caller> caller = source.getUserPrincipal(Authentication.class).map(Caller::of);
        return caller.isPresent() ? () -> caller : BindingResult.empty();
    }
}
