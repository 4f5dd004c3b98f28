package com.ipledge.service.audit;

import com.ipledge.service.security.Roles;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The audit log. Verification is for ADMIN and BUREAU; tree heads and consistency proofs (hashes only) for every
 * role; inclusion proofs for ADMIN and BUREAU, and for bank keys on their own bank's entries (a bank checks its
 * loans' records offline); the public key is public.
 */
@Controller("/api/v1/audit")
@Tag(name = "audit")
public class AuditController {
    private final AuditLog audit;
    private final AuditProofs proofs;

    public AuditController(AuditLog audit, AuditProofs proofs) {
        this.audit = audit;
        this.proofs = proofs;
    }

    /**
     * Seals what is committed, then checks every sealed entry against its leaf hash and every signed root;
     * {@code firstBrokenEntry} names where it breaks, {@code unsealed} counts entries not in the tree yet.
     */
    @Get("/verify")
    @Secured({Roles.ADMIN, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "verifyAuditLog")
    public AuditLog.Verification verify() {
        return audit.verify();
    }

    /** The Ed25519 key that signs tree heads: raw 32 bytes and X.509 DER, both base64. */
    @Get("/public-key")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(operationId = "getAuditPublicKey")
    public AuditProofs.PublicKeyView publicKey() {
        return proofs.publicKey();
    }

    /** The newest signed tree head (or the one of {@code treeSize}). */
    @Get("/tree-head{?treeSize}")
    @Secured({Roles.ADMIN, Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getAuditTreeHead")
    public AuditProofs.TreeHeadView treeHead(@Nullable @QueryValue String treeSize) {
        return proofs.treeHead(treeSize);
    }

    /** RFC 9162 inclusion proof of entry {@code seq} in the tree of {@code treeSize} (default: the newest head). */
    @Get("/entries/{seq}/proof{?treeSize}")
    @Secured({Roles.ADMIN, Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getAuditInclusionProof")
    public AuditProofs.InclusionView proof(@PathVariable String seq, @Nullable @QueryValue String treeSize,
                                           Caller caller) {
        return proofs.inclusion(caller, seq, treeSize);
    }

    /** RFC 9162 consistency proof between the trees of {@code from} and {@code to} (default: the newest head). */
    @Get("/consistency{?from,to}")
    @Secured({Roles.ADMIN, Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getAuditConsistencyProof")
    public AuditProofs.ConsistencyView consistency(@Nullable @QueryValue String from,
                                                   @Nullable @QueryValue String to) {
        return proofs.consistency(from, to);
    }
}
