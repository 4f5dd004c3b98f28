package com.ipledge.rules.params;

import java.util.List;

/** The configured loss-sharing schemes (e.g. pool 54 : bank 26 : insurer 16 : appraiser 4; bank 60 : pool 40). */
public record RiskSharingPolicy(List<RiskShareScheme> schemes) {
}
