package com.ipledge.service.valuation;

/** The approach an appraisal report's value rests on: 收益法 (income), 市场法 (market), 成本法 (cost). */
public enum AppraisalMethod {
    INCOME, MARKET, COST
}
