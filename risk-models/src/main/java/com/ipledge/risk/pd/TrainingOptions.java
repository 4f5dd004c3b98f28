package com.ipledge.risk.pd;

import java.util.Set;

/**
 * Settings of one training run.
 *
 * @param seed            split, SGD and forest seed
 * @param trees           random-forest size
 * @param maxDepth        maximum depth of each tree
 * @param epochs          SGD passes of the logistic regression
 * @param ignore          columns not used as features (identifiers)
 * @param categorical     numeric-looking columns to one-hot instead (codes)
 * @param modelName       name written into the model file and its version (e.g. "sme-pd")
 * @param dataDescription what the data is (file name and hash), kept in the Tribuo data provenance
 */
public record TrainingOptions(long seed, int trees, int maxDepth, int epochs, Set<String> ignore,
                              Set<String> categorical, String modelName, String dataDescription) {

    public TrainingOptions {
        ignore = Set.copyOf(ignore);
        categorical = Set.copyOf(categorical);
    }

    public static TrainingOptions defaults(long seed) {
        return new TrainingOptions(seed, 60, 8, 15, Set.of(), Set.of(), "pd", "in-memory table");
    }

    public TrainingOptions withForest(int newTrees, int newDepth) {
        return new TrainingOptions(seed, newTrees, newDepth, epochs, ignore, categorical, modelName, dataDescription);
    }

    public TrainingOptions withIgnore(Set<String> columns) {
        return new TrainingOptions(seed, trees, maxDepth, epochs, columns, categorical, modelName, dataDescription);
    }

    public TrainingOptions withCategorical(Set<String> columns) {
        return new TrainingOptions(seed, trees, maxDepth, epochs, ignore, columns, modelName, dataDescription);
    }

    public TrainingOptions withNames(String newModelName, String newDataDescription) {
        return new TrainingOptions(seed, trees, maxDepth, epochs, ignore, categorical, newModelName,
                newDataDescription);
    }
}
