package com.ipledge.service.pages;

import com.ipledge.service.security.Caller;
import com.ipledge.service.security.Role;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The web form acts for the bank the firm applies to, as a BANK_OFFICER whose principal id is the name-based
 * (version 3) UUID of {@code "ipledge-web-form:" + bankId}: fixed per bank, so applications filed through the form
 * are recognisable by {@code filed_by} and the form shares no idempotency space or identity with a real key.
 */
public final class WebFormCaller {
    private WebFormCaller() {
    }

    public static UUID principalId(UUID bankId) {
        return UUID.nameUUIDFromBytes(("ipledge-web-form:" + bankId).getBytes(StandardCharsets.UTF_8));
    }

    public static Caller forBank(UUID bankId) {
        return new Caller(principalId(bankId), Role.BANK_OFFICER, bankId);
    }
}
