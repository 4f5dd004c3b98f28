package com.ipledge.service.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, said in the domain's terms. Services throw it; only the web edge knows which HTTP
 * status each kind becomes. Nothing is written when it is thrown inside a transaction.
 *
 * <p>{@code type} is the stable, machine-readable name clients switch on (it becomes problem+json's {@code type});
 * {@code errors} name the offending fields; {@code extensions} carry figures the client needs to recover.
 */
public abstract sealed class DomainProblem extends RuntimeException
        permits InvalidInput, NotFound, Conflict, RuleViolation, NotPermitted, CapacityExceeded, UnsupportedFormat {
    private final String type;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    protected DomainProblem(String type, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        // no stack trace: these are answers, not bugs, and batch rows raise them by the thousand
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public String type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    /** The same problem about other fields (a batch row renames JSON fields to its CSV columns). */
    public abstract DomainProblem withErrors(List<FieldError> renamed);
}
