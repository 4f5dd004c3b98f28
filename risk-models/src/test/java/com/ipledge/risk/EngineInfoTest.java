package com.ipledge.risk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EngineInfoTest {
    @Test
    void versionIsNamed() {
        assertTrue(EngineInfo.VERSION.startsWith("risk-models-"));
    }
}
