package com.ipledge.risk.pd;

import com.ipledge.risk.EngineInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains probability-of-default models on any table with a default flag: a 70/30 split stratified by outcome,
 * a logistic regression baseline (Tribuo linear SGD with the log loss, on standardised features) and a random
 * forest of CART trees (Tribuo), then keeps the one with the better AUC on the 30% validation part. Note that the
 * reported figures of the chosen model are measured on the same part that chose it (a two-model choice, so the
 * optimism is small); a bank validating a model for use should hold out a further period.
 */
public final class PdTrainer {
    static final String DEFAULT = "default";
    static final String PERFORMING = "performing";
    static final String LOGISTIC = "logistic-regression";
    static final String FOREST = "random-forest";
    private static final double TRAIN_FRACTION = 0.7;

    private PdTrainer() {
    }

    public static TrainingOutcome train(CsvTable table, String target, String positiveValue, TrainingOptions options) {
        int targetIndex = table.column(target);
        if (targetIndex < 0) {
            throw new PdTrainingException("the data has no column '" + target + "'; its columns are "
                    + table.header());
        }
        boolean[] defaulted = new boolean[table.rows().size()];
        int positives = 0;
        int missingTarget = 0;
        for (int i = 0; i < defaulted.length; i++) {
            String v = table.rows().get(i)[targetIndex];
            missingTarget += v == null ? 1 : 0;
            defaulted[i] = positiveValue.equals(v);
            positives += defaulted[i] ? 1 : 0;
        }
        if (missingTarget > 0) {
            throw new PdTrainingException(missingTarget + " rows have no value in the target column '" + target + "'");
        }
        int negatives = defaulted.length - positives;
        if (positives < 5 || negatives < 5) {
            throw new PdTrainingException("the target column '" + target + "' must have both classes (at least 5 rows"
                    + " each): " + positives + " rows equal '" + positiveValue + "', " + negatives + " do not");
        }
        List<String> inputs = new ArrayList<>();
        for (String column : table.header()) {
            if (!column.equals(target) && !options.ignore().contains(column)) {
                inputs.add(column);
            }
        }
        if (inputs.isEmpty()) {
            throw new PdTrainingException("no feature columns besides the target");
        }

        int[][] split = stratifiedSplit(defaulted, options.seed());
        int[] trainRows = split[0];
        int[] validationRows = split[1];
        FeatureEncoder encoder = FeatureEncoder.fit(table, inputs, options.categorical(), trainRows);
        int[] inputIndex = inputs.stream().mapToInt(table::column).toArray();

        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> train = dataset(table, encoder, inputIndex, trainRows, defaulted, factory,
                options.dataDescription() + " (training " + TRAIN_FRACTION + ", seed " + options.seed() + ")");
        MutableDataset<Label> validation = dataset(table, encoder, inputIndex, validationRows, defaulted, factory,
                options.dataDescription() + " (validation)");

        LinearSGDTrainer lrTrainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1),
                options.epochs(), -1, 1, options.seed());
        Model<Label> logistic = lrTrainer.train(train);
        // features per split ~ sqrt-ish: half the features, as a compromise between tree strength and diversity
        CARTClassificationTrainer cart = new CARTClassificationTrainer(options.maxDepth(), 5f, 0f, 0.5f, false,
                new GiniIndex(), options.seed());
        RandomForestTrainer<Label> forestTrainer = new RandomForestTrainer<>(cart, new FullyWeightedVotingCombiner(),
                options.trees(), options.seed());
        Model<Label> forest = forestTrainer.train(train);

        boolean[] outcome = new boolean[validationRows.length];
        for (int i = 0; i < validationRows.length; i++) {
            outcome[i] = defaulted[validationRows[i]];
        }
        double[] lrPd = probabilities(logistic, validation);
        double[] forestPd = probabilities(forest, validation);
        Map<String, Object> lrFigures = figures(lrPd, outcome, lrTrainer.toString());
        Map<String, Object> forestFigures = figures(forestPd, outcome, forestTrainer.toString());
        boolean forestWins = (Double) forestFigures.get("auc") > (Double) lrFigures.get("auc");
        String selected = forestWins ? FOREST : LOGISTIC;
        Model<Label> chosen = forestWins ? forest : logistic;
        double[] chosenPd = forestWins ? forestPd : lrPd;

        byte[] file = PdModelFile.write(options.modelName(), selected, encoder, logistic, forestWins ? forest : null);
        PdModel model = PdModel.read(file);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("target", target);
        report.put("positiveValue", positiveValue);
        report.put("seed", options.seed());
        report.put("selectedModel", selected);
        report.put("selectedBy", "validation AUC");
        report.put("auc", Metrics.auc(chosenPd, outcome));
        report.put("ks", Metrics.ks(chosenPd, outcome));
        report.put("brier", Metrics.brier(chosenPd, outcome));
        report.put("calibration", Metrics.calibration(chosenPd, outcome, 10));
        report.put("models", Map.of(LOGISTIC, lrFigures, FOREST, forestFigures));
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("total", defaulted.length);
        rows.put("defaults", positives);
        rows.put("train", trainRows.length);
        rows.put("trainDefaults", count(defaulted, trainRows));
        rows.put("validation", validationRows.length);
        rows.put("validationDefaults", count(defaulted, validationRows));
        report.put("rows", rows);
        report.put("split", "70/30 stratified by outcome, seed " + options.seed());
        report.put("ignoredColumns", List.copyOf(options.ignore()));
        report.put("featureCount", encoder.featureCount());
        report.put("dataPreparation", Map.of(
                "missingValues", "numeric: training median plus a missing indicator; categorical: a MISSING level",
                "extremeValues", "winsorised at training p1-p99; non-negative columns with skewness > 3 log1p first",
                "categorical", "one-hot, at most " + FeatureEncoder.MAX_LEVELS + " levels plus OTHER and MISSING",
                "scaling", "standardised to mean 0, sd 1 (fitted on the training split)"));
        report.put("columns", encoder.describe());
        report.put("modelVersion", model.modelVersion());
        report.put("tribuoVersion", Tribuo.VERSION);
        report.put("engineVersion", EngineInfo.VERSION);
        report.put("provenance", chosen.getProvenance().toString());
        return new TrainingOutcome(model, file, report);
    }

    private static Map<String, Object> figures(double[] pd, boolean[] outcome, String trainer) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("auc", Metrics.auc(pd, outcome));
        f.put("ks", Metrics.ks(pd, outcome));
        f.put("brier", Metrics.brier(pd, outcome));
        f.put("trainer", trainer);
        return f;
    }

    static double[] probabilities(Model<Label> model, MutableDataset<Label> data) {
        List<Prediction<Label>> predictions = model.predict(data);
        double[] pd = new double[predictions.size()];
        for (int i = 0; i < pd.length; i++) {
            Label score = predictions.get(i).getOutputScores().get(DEFAULT);
            pd[i] = score == null ? 0.0 : score.getScore();
        }
        return pd;
    }

    private static MutableDataset<Label> dataset(CsvTable table, FeatureEncoder encoder, int[] inputIndex, int[] rows,
                                                 boolean[] defaulted, LabelFactory factory, String description) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(description, factory),
                factory);
        String[] names = encoder.featureNames();
        Object[] raw = new Object[inputIndex.length];
        for (int r : rows) {
            String[] cells = table.rows().get(r);
            for (int c = 0; c < inputIndex.length; c++) {
                raw[c] = cells[inputIndex[c]];
            }
            double[] x = new double[encoder.featureCount()];
            encoder.encode(raw, x);
            data.add(new ArrayExample<>(new Label(defaulted[r] ? DEFAULT : PERFORMING), names, x));
        }
        return data;
    }

    /** Shuffles each class with the seed and puts 70% of each in training, so both parts keep the default rate. */
    static int[][] stratifiedSplit(boolean[] defaulted, long seed) {
        List<Integer> pos = new ArrayList<>();
        List<Integer> neg = new ArrayList<>();
        for (int i = 0; i < defaulted.length; i++) {
            (defaulted[i] ? pos : neg).add(i);
        }
        Random random = new Random(seed);
        java.util.Collections.shuffle(pos, random);
        java.util.Collections.shuffle(neg, random);
        int posTrain = (int) Math.round(pos.size() * TRAIN_FRACTION);
        int negTrain = (int) Math.round(neg.size() * TRAIN_FRACTION);
        List<Integer> train = new ArrayList<>(pos.subList(0, posTrain));
        train.addAll(neg.subList(0, negTrain));
        List<Integer> validation = new ArrayList<>(pos.subList(posTrain, pos.size()));
        validation.addAll(neg.subList(negTrain, neg.size()));
        java.util.Collections.sort(train);
        java.util.Collections.sort(validation);
        return new int[][] {train.stream().mapToInt(Integer::intValue).toArray(),
                validation.stream().mapToInt(Integer::intValue).toArray()};
    }

    private static int count(boolean[] defaulted, int[] rows) {
        int n = 0;
        for (int r : rows) {
            n += defaulted[r] ? 1 : 0;
        }
        return n;
    }
}
