package com.ipledge.risk.pd;

import java.util.Map;

/** A trained model, its file bytes (what {@code --out} writes) and the training report. */
public record TrainingOutcome(PdModel model, byte[] modelFile, Map<String, Object> report) {

    public String reportJson() {
        return Json.write(report);
    }

    public double auc() {
        return (Double) report.get("auc");
    }
}
