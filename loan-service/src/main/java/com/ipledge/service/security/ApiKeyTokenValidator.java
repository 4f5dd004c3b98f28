package com.ipledge.service.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Authenticates {@code Authorization: Bearer <api key>} against the hashed keys in PostgreSQL: a key this instance
 * holds ({@link ActiveKeys}) at once, on the event loop; any other read on a blocking thread.
 */
@Singleton
public class ApiKeyTokenValidator implements TokenValidator<HttpRequest<?>> {
    private final ApiKeyRepository keys;
    private final ActiveKeys active;
    private final Scheduler blocking;

    public ApiKeyTokenValidator(ApiKeyRepository keys, ActiveKeys active,
                                @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.keys = keys;
        this.active = active;
        this.blocking = Schedulers.fromExecutorService(executor);
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (token == null || !token.startsWith(ApiKeys.PREFIX) || token.length() > 100) {
            return Mono.empty();
        }
        String hash = ApiKeys.hash(token);
        Optional<ApiKey> held = active.held(hash);
        if (held.isPresent()) {
            return Mono.just(authentication(held.get()));
        }
        return Mono.fromCallable(() -> active.find(hash, keys::findActiveByHash).orElse(null))
                .subscribeOn(blocking)
                .map(ApiKeyTokenValidator::authentication);
    }

    private static Authentication authentication(ApiKey key) {
        return Authentication.build(key.id().toString(), List.of(key.role().name()), key.bankId() == null
                ? Map.of(Caller.ROLE, key.role().name())
                : Map.of(Caller.ROLE, key.role().name(), Caller.BANK_ID, key.bankId().toString()));
    }
}
