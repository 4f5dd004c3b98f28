package com.ipledge.service.application;

/** Where an application for an IP-pledge loan stands. */
public enum ApplicationStatus {
    SUBMITTED, EVALUATED, REFERRED, APPROVED, DECLINED, WITHDRAWN, EXPIRED
}
