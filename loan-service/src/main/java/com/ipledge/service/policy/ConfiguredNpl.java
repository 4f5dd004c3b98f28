package com.ipledge.service.policy;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.math.BigDecimal;

/** {@code ipledge.npl.tolerance}: likewise the default of {@code npl.tolerance}. */
@ConfigurationProperties("ipledge.npl")
record ConfiguredNpl(BigDecimal tolerance) {
}
