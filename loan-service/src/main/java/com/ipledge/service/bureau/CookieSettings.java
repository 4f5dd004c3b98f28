package com.ipledge.service.bureau;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code ipledge.pages.secure-cookies}: mark the bureau's session cookie Secure on plain-http requests too. */
@ConfigurationProperties("ipledge.pages")
record CookieSettings(boolean secureCookies) {
}
