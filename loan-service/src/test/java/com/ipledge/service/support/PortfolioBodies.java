package com.ipledge.service.support;

/** Request bodies of {@code POST /api/v1/risk/portfolio-simulations} too large to build as maps. */
public final class PortfolioBodies {
    private PortfolioBodies() {
    }

    /** Exposures without tags, written compactly: 100,000 of them fit in the route's 8 MB body limit. */
    public static String untaggedExposures(int loans, int scenarios) {
        StringBuilder json = new StringBuilder("{\"exposures\":[");
        for (int i = 0; i < loans; i++) {
            json.append(i == 0 ? "" : ",").append("{\"ead\":").append(100_000 + i % 97)
                    .append(",\"pd\":0.0").append(1 + i % 9).append(",\"lgd\":0.4}");
        }
        return json.append("],\"correlation\":0.15,\"scenarios\":").append(scenarios)
                .append(",\"seed\":1}").toString();
    }
}
