package com.ipledge.service.bureau;

import com.ipledge.service.security.Caller;
import com.ipledge.service.security.Role;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A person who signs in to the pages: a bureau analyst (every bank) or a bank's staff member (one bank). */
public record AppUser(UUID id, String username, String passwordHash, Role role, UUID bankId,
                      OffsetDateTime createdAt, OffsetDateTime disabledAt) {

    /** The caller the services see for this user: the same scoping as an API key of the same role and bank. */
    public Caller caller() {
        return new Caller(id, role, bankId);
    }

    public boolean active() {
        return disabledAt == null;
    }
}
