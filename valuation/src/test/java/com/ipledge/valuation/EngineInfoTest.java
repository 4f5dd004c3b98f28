package com.ipledge.valuation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EngineInfoTest {
    @Test
    void versionIsNamed() {
        assertTrue(EngineInfo.VERSION.startsWith("valuation-"));
    }
}
