package com.ipledge.service.calendar;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code ipledge.business-date.*}: whether an ADMIN may move the business date forward (a test or training
 * deployment; never production). The default lives once, in application.yml, next to its environment variable.
 */
@ConfigurationProperties("ipledge.business-date")
public record BusinessDateSettings(boolean adjustable) {
}
