package com.ipledge.service.application;

/**
 * Where an application came from: a bank's own API call, or the anonymous public form (then only after the bank's
 * officer confirmed the intake, whose id the application keeps).
 */
public enum ApplicationOrigin {
    API, PUBLIC_FORM
}
