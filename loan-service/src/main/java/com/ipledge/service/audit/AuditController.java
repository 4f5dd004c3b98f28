package com.ipledge.service.audit;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;

@Controller("/api/v1/audit")
@Tag(name = "audit")
public class AuditController {
    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /** Walks the hash chain; {@code firstBrokenEntry} names where it breaks. */
    @Get("/verify")
    @Secured({"ADMIN", "BUREAU"})
    public AuditLog.Verification verify() {
        return audit.verify();
    }
}
