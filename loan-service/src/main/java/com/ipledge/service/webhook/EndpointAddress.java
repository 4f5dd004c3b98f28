package com.ipledge.service.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the service may send a bank's events. The service calls these URLs itself, so a URL must not reach into
 * the service's own network (SSRF): https only, to a public address; plain http to 127.0.0.1 or localhost only
 * when {@code ipledge.webhooks.allow-insecure-localhost} is set (tests, the demo). Checked at registration on the
 * URL's text, and again before every request on the addresses its host resolves to (a name may point anywhere).
 */
final class EndpointAddress {
    static final int MAX_LENGTH = 2000;
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Hosts a resolver may read as an address in another spelling (2130706433, 0x7f.1, 127.1). */
    private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("\\d+|0x[0-9a-f]*");
    private static final String PRIVATE = "must be a public address: private, loopback, link-local and other"
            + " internal addresses are refused";

    private EndpointAddress() {
    }

    /** What is wrong with {@code url}, if anything. */
    static Optional<String> problem(String url, boolean allowInsecureLocalhost) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must be an https URL");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        String h = host.toLowerCase(Locale.ROOT);
        boolean local = isLocalName(h);
        if (!local && (h.startsWith("[") || DOTTED_QUAD.matcher(h).matches())) {
            InetAddress literal;
            try {
                literal = InetAddress.getByName(h); // a literal: parsed, not looked up
            } catch (UnknownHostException e) {
                return Optional.of("is not a valid URL");
            }
            if (literal.isLoopbackAddress()) {
                local = true;
            } else if (!isPublic(literal)) {
                return Optional.of(PRIVATE);
            }
        } else if (!local) {
            if (NUMERIC_LAST_LABEL.matcher(h.substring(h.lastIndexOf('.') + 1)).matches()) {
                return Optional.of("must name its host by name or as a dotted IPv4 or bracketed IPv6 address");
            }
            if (!h.contains(".") || h.endsWith(".internal") || h.endsWith(".local") || h.endsWith(".lan")
                    || h.endsWith(".intranet") || h.endsWith(".corp") || h.endsWith(".home.arpa")) {
                return Optional.of(PRIVATE);
            }
        }
        if (local) {
            return allowInsecureLocalhost ? Optional.empty() : Optional.of(PRIVATE);
        }
        if (!scheme.equals("https")) {
            return Optional.of("must be an https URL");
        }
        return Optional.empty();
    }

    /** Before a request: a reason to refuse when the host resolves to an address it may not reach. */
    static Optional<String> refusal(URI uri, boolean allowInsecureLocalhost) {
        try {
            for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
                if (a.isLoopbackAddress() ? !allowInsecureLocalhost : !isPublic(a)) {
                    return Optional.of("refused: " + uri.getHost() + " resolves to " + a.getHostAddress()
                            + ", which is not a public address");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("unknown host " + uri.getHost());
        }
    }

    private static boolean isLocalName(String h) {
        return h.equals("localhost") || h.endsWith(".localhost");
    }

    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0                                       // "this" network
                    || first == 100 && second >= 64 && second < 128   // carrier-grade NAT
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                    || first == 198 && (second == 18 || second == 19) // benchmarking
                    || first >= 240);                                 // reserved, broadcast
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            boolean uniqueLocal = (first & 0xfe) == 0xfc;
            boolean mappedV4 = isMappedV4(b);
            if (mappedV4) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return !uniqueLocal;
        }
        return false;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
