package com.ipledge.service.admin;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.security.ApiKey;
import com.ipledge.service.security.ApiKeyService;
import com.ipledge.service.security.ApiKeyStatus;
import com.ipledge.service.security.ApiKeys;
import com.ipledge.service.security.Caller;
import com.ipledge.service.security.Role;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class AdminService {
    /** A new key as answered once: the secret is never stored or shown again. */
    @Introspected
    public record IssuedApiKey(UUID id, String key, Role role, UUID bankId, String label) {
    }

    /** A key as shown after revocation: never its secret, which is not stored. */
    @Introspected
    public record RevokedApiKey(UUID id, Role role, UUID bankId, String label, String keyPrefix,
                                OffsetDateTime revokedAt) {
    }

    private final BankRepository banks;
    private final ApiKeyService keys;
    private final AuditLog audit;
    private final Clock clock;

    public AdminService(BankRepository banks, ApiKeyService keys, AuditLog audit, Clock clock) {
        this.banks = banks;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Bank createBank(Caller caller, String code, String name) {
        Bank bank = banks.insert(code, name.strip(), OffsetDateTime.now(clock))
                .orElseThrow(() -> Conflict.of("bank-code-taken", "A bank with code " + code + " exists."));
        audit.append(caller, "bank.created", "bank", bank.id(), bank.id(), java.util.Map.of("code", code));
        return bank;
    }

    @Transactional
    public IssuedApiKey issueApiKey(Caller caller, Role role, UUID bankId, String label) {
        if (role.isBankRole() && bankId == null) {
            throw InvalidInput.of("bankId", "is required for role " + role);
        }
        if (!role.isBankRole() && bankId != null) {
            throw InvalidInput.of("bankId", "must be absent for role " + role);
        }
        if (bankId != null && banks.find(bankId).isEmpty()) {
            throw InvalidInput.of("bankId", "no such bank");
        }
        String secret = ApiKeys.generate();
        ApiKey stored = keys.insert(ApiKeys.hash(secret), ApiKeys.displayPrefix(secret), role, bankId, label.strip(),
                OffsetDateTime.now(clock));
        // the secret is never audited, only which key was issued to whom
        audit.append(caller, "api-key.issued", "api_key", stored.id(), bankId,
                java.util.Map.of("role", role.name(), "prefix", stored.keyPrefix()));
        return new IssuedApiKey(stored.id(), secret, role, bankId, stored.label());
    }

    /**
     * Revokes a key at once: the next request with it is answered 401, and batch rows it uploaded that are not done
     * yet are not processed. Revoking a revoked key answers it unchanged. The last active ADMIN key cannot be
     * revoked (nobody could issue keys any more).
     */
    @Transactional
    public RevokedApiKey revokeApiKey(Caller caller, UUID id) {
        ApiKeyStatus status = keys.lock(id).orElseThrow(() -> NotFound.of("api key " + id));
        ApiKey key = status.key();
        if (status.revokedAt() != null) {
            return new RevokedApiKey(key.id(), key.role(), key.bankId(), key.label(), key.keyPrefix(),
                    status.revokedAt());
        }
        if (key.role() == Role.ADMIN && keys.lockActiveWithRole(Role.ADMIN) <= 1) {
            throw Conflict.of("last-admin-key", "This is the last active ADMIN key: issue another first.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        keys.revoke(id, now);
        audit.append(caller, "api-key.revoked", "api_key", id, key.bankId(),
                java.util.Map.of("role", key.role().name(), "prefix", key.keyPrefix()));
        // in UTC, as the stored time reads back on a second call
        return new RevokedApiKey(key.id(), key.role(), key.bankId(), key.label(), key.keyPrefix(),
                now.withOffsetSameInstant(ZoneOffset.UTC));
    }

    // ------------------------------------------------------------ banks as other features read them

    public Optional<Bank> find(UUID id) {
        return banks.find(id);
    }

    public Optional<Bank> findByCode(String code) {
        return banks.findByCode(code);
    }

    public List<Bank> all() {
        return banks.all();
    }

    /** A bank seeded without a caller (demo data), hence not audited; empty when the code is taken. */
    public Optional<Bank> insert(String code, String name, OffsetDateTime now) {
        return banks.insert(code, name, now);
    }
}
