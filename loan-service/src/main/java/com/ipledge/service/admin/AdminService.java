package com.ipledge.service.admin;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.security.ApiKeys;
import com.ipledge.service.security.Caller;
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
    private final AuditLog audit;
    private final Clock clock;

    public AdminService(BankRepository banks, ApiKeyRepository keys, AuditLog audit, Clock clock) {
        this.banks = banks;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Bank createBank(Caller caller, String code, String name) {
        Bank bank = banks.insert(code, name.strip(), OffsetDateTime.now(clock))
                .orElseThrow(() -> ApiProblem.conflict("bank-code-taken", "A bank with code " + code + " exists."));
        audit.append(caller, "bank.created", "bank", bank.id(), bank.id(), java.util.Map.of("code", code));
        return bank;
    }

    @Transactional
    public IssuedApiKey issueApiKey(Caller caller, Role role, UUID bankId, String label) {
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
        // the secret is never audited, only which key was issued to whom
        audit.append(caller, "api-key.issued", "api_key", stored.id(), bankId,
                java.util.Map.of("role", role.name(), "prefix", stored.keyPrefix()));
        return new IssuedApiKey(stored.id(), secret, role, bankId, stored.label());
    }
}
