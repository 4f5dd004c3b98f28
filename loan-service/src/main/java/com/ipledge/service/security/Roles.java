package com.ipledge.service.security;

/**
 * The {@link Role} names as compile-time constants, for {@code @Secured}: an annotation cannot take an enum's
 * name, and a typo in a repeated string literal would silently lock a route.
 */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String BUREAU = "BUREAU";
    public static final String BANK_OFFICER = "BANK_OFFICER";
    public static final String BANK_APPROVER = "BANK_APPROVER";

    private Roles() {
    }
}
