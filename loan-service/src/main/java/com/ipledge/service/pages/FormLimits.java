package com.ipledge.service.pages;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code ipledge.pages.max-form-bytes}: the largest declared body of the SME form. The default lives once, in
 * application.yml.
 */
@ConfigurationProperties("ipledge.pages")
record FormLimits(long maxFormBytes) {
}
