package com.ipledge.service.policy;

import com.ipledge.risk.pd.PdModel;
import com.ipledge.rules.CreditPolicy;
import com.ipledge.valuation.ValuationEngine;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

/**
 * The engines, built once at start (@Context: a rule base that does not compile or a model that does not load
 * stops the start, so a service answering /health is a service that can decide).
 */
@Factory
public class EngineFactory {

    @Context
    CreditPolicy creditPolicy() {
        return CreditPolicy.load();
    }

    @Context
    PdModel pdModel() {
        return PdModel.shipped();
    }

    @Context
    ValuationEngine valuationEngine() {
        return new ValuationEngine();
    }
}
