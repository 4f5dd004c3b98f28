package com.ipledge.risk.pd;

/** The training data cannot produce a model (no such target column, a single class, too few rows). */
public final class PdTrainingException extends RuntimeException {
    public PdTrainingException(String message) {
        super(message);
    }
}
