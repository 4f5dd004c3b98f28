package com.ipledge.service.admin;

import com.ipledge.service.security.ApiKeys;
import com.ipledge.service.security.Role;
import com.ipledge.service.web.ApiProblem;
import io.micronaut.core.annotation.Introspected;
import jakarta.inject.Singleton;
import io.micronaut.transaction.annotation.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

@Singleton
public class AdminService {
    /** A new key as answered once: the secret is never stored or shown again. */
    @Introspected
    public record IssuedApiKey(UUID id, String key, Role role, UUID bankId, String label) {
    }

    private final BankRepository banks;
    private final ApiKeyRepository keys;
    private final Clock clock;

    public AdminService(BankRepository banks, ApiKeyRepository keys, Clock clock) {
        this.banks = banks;
        this.keys = keys;
        this.clock = clock;
    }

    @Transactional
    public Bank createBank(String code, String name) {
        return banks.insert(code, name.strip(), OffsetDateTime.now(clock))
                .orElseThrow(() -> ApiProblem.conflict("bank-code-taken", "A bank with code " + code + " exists."));
    }

    @Transactional
    public IssuedApiKey issueApiKey(Role role, UUID bankId, String label) {
        if (role.isBankRole() && bankId == null) {
            throw ApiProblem.invalid("bankId", "is required for role " + role);
        }
        if (!role.isBankRole() && bankId != null) {
            throw ApiProblem.invalid("bankId", "must be absent for role " + role);
        }
        if (bankId != null && banks.find(bankId).isEmpty()) {
            throw ApiProblem.invalid("bankId", "no such bank");
        }
        String secret = ApiKeys.generate();
        ApiKey stored = keys.insert(ApiKeys.hash(secret), ApiKeys.displayPrefix(secret), role, bankId, label.strip(),
                OffsetDateTime.now(clock));
        return new IssuedApiKey(stored.id(), secret, role, bankId, stored.label());
    }
}
