package com.ipledge.service.web;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code ipledge.api.*}: the largest declared body, in bytes, of an API request, of a portfolio simulation and of an
 * appraisal report (a 10 MB PDF as base64) and of a document uploaded from the SME status page. The defaults live once, in application.yml.
 */
@ConfigurationProperties("ipledge.api")
record BodyLimits(long maxBodyBytes, long maxSimulationBodyBytes, long maxAppraisalBodyBytes,
                  long maxDocumentBodyBytes) {
}
