package com.ipledge.service.security;

import io.micronaut.security.authentication.Authentication;
import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

/**
 * The authenticated caller of a request: the API key (or signed-in user) it came with, its role and, for bank
 * roles, its bank. Services take a Caller and scope every read and write by it. Controllers take it as an argument
 * ({@link CallerArgumentBinder}); it is a {@link Principal} so that the OpenAPI generator, like for
 * {@code Authentication}, does not document it as a request parameter.
 */
public record Caller(UUID principalId, Role role, UUID bankId) implements Principal {
    static final String ROLE = "role";
    static final String BANK_ID = "bankId";

    public static Caller of(Authentication authentication) {
        Role role = Role.valueOf((String) authentication.getAttributes().get(ROLE));
        Object bank = authentication.getAttributes().get(BANK_ID);
        return new Caller(UUID.fromString(authentication.getName()), role,
                bank == null ? null : UUID.fromString(bank.toString()));
    }

    @Override
    public String getName() {
        return principalId.toString();
    }

    /** The bank whose data this caller may see; empty for the bureau and admins, who see every bank. */
    public Optional<UUID> bankScope() {
        return Optional.ofNullable(bankId);
    }

    /** Scope for idempotency keys: a bank's keys share one space, others have their own. */
    public String idempotencyScope() {
        return bankId != null ? "bank:" + bankId : "principal:" + principalId;
    }
}
