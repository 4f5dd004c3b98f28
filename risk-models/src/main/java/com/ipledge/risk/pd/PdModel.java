package com.ipledge.risk.pd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;

/**
 * A trained probability-of-default model, ready to score. Immutable and thread-safe; everything that does not
 * depend on the borrower (feature names, coefficients, version hash, provenance text) is prepared once at load, so
 * a score is one encoding pass and one Tribuo prediction.
 */
public final class PdModel {
    /** Classpath location of the shipped SME model (see the module README for how it is rebuilt). */
    public static final String SHIPPED_RESOURCE = "/com/ipledge/risk/pd/sme-pd-model.bin";
    private static final int REASON_CODES = 3;

    private final String name;
    private final String selected;
    private final FeatureEncoder encoder;
    private final Model<Label> scoringModel;
    private final String[] featureNames;
    private final double[] logOddsWeight;
    private final int[] borrowerColumn;
    private final String version;
    private final String provenance;
    private final Label unknown = new Label(Label.UNKNOWN);

    private PdModel(PdModelFile.Contents contents, byte[] file) {
        this.name = contents.name();
        this.selected = contents.selected();
        this.encoder = contents.encoder();
        this.scoringModel = contents.forest() != null ? contents.forest() : contents.logistic();
        this.featureNames = encoder.featureNames();
        this.logOddsWeight = logOddsWeights((LinearSGDModel) contents.logistic(), featureNames);
        List<String> inputs = encoder.inputColumns();
        this.borrowerColumn = BorrowerFeatures.COLUMNS.stream().mapToInt(inputs::indexOf).toArray();
        this.version = name + "/" + selected + "/sha256:" + sha256(file).substring(0, 16);
        this.provenance = scoringModel.getProvenance().toString();
    }

    /** The SME model shipped in this jar, trained on synthetic data: a bank must retrain it on its own book. */
    public static PdModel shipped() {
        return Shipped.MODEL;
    }

    public static PdModel load(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    static PdModel read(byte[] file) {
        try {
            return new PdModel(PdModelFile.read(file), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PD model", e);
        }
    }

    /** Scores a borrower with the model's own column names; values are Numbers or numeric Strings, or Strings. */
    public PdScore score(Map<String, ?> columns) {
        List<String> inputs = encoder.inputColumns();
        Object[] raw = new Object[inputs.size()];
        for (int c = 0; c < raw.length; c++) {
            raw[c] = columns.get(inputs.get(c));
        }
        return scoreRaw(raw);
    }

    /** Scores a borrower on the shipped SME schema (a model trained on other columns gets them as missing). */
    public PdScore score(BorrowerFeatures borrower) {
        Object[] values = borrower.values();
        Object[] raw = new Object[encoder.inputColumns().size()];
        for (int i = 0; i < values.length; i++) {
            if (borrowerColumn[i] >= 0) {
                raw[borrowerColumn[i]] = values[i];
            }
        }
        return scoreRaw(raw);
    }

    private PdScore scoreRaw(Object[] raw) {
        double[] x = new double[featureNames.length];
        encoder.encode(raw, x);
        Prediction<Label> prediction = scoringModel.predict(new ArrayExample<>(unknown, featureNames, x));
        Label defaultScore = prediction.getOutputScores().get(PdTrainer.DEFAULT);
        double pd = defaultScore == null ? 0.0 : defaultScore.getScore();
        return new PdScore(pd, RiskGrade.of(pd), reasonCodes(x), version, provenance);
    }

    private List<ReasonCode> reasonCodes(double[] x) {
        int columns = encoder.inputColumns().size();
        double[] byColumn = new double[columns];
        for (int f = 0; f < x.length; f++) {
            byColumn[encoder.columnOf(f)] += logOddsWeight[f] * x[f];
        }
        List<ReasonCode> reasons = new ArrayList<>(REASON_CODES);
        boolean[] used = new boolean[columns];
        for (int r = 0; r < REASON_CODES; r++) {
            int best = -1;
            for (int c = 0; c < columns; c++) {
                if (!used[c] && byColumn[c] > 0 && (best < 0 || byColumn[c] > byColumn[best])) {
                    best = c;
                }
            }
            if (best < 0) {
                break;
            }
            used[best] = true;
            reasons.add(new ReasonCode(encoder.inputColumns().get(best), byColumn[best]));
        }
        return List.copyOf(reasons);
    }

    /** Coefficient of each feature on the log-odds of default: w(default) - w(performing) in Tribuo's softmax. */
    private static double[] logOddsWeights(LinearSGDModel logistic, String[] names) {
        DenseMatrix w = logistic.getWeightsCopy();
        int def = logistic.getOutputIDInfo().getID(new Label(PdTrainer.DEFAULT));
        int perf = logistic.getOutputIDInfo().getID(new Label(PdTrainer.PERFORMING));
        double[] weights = new double[names.length];
        for (int f = 0; f < names.length; f++) {
            VariableInfo info = logistic.getFeatureIDMap().get(names[f]);
            if (info != null) {
                int id = logistic.getFeatureIDMap().getID(names[f]);
                weights[f] = w.get(def, id) - w.get(perf, id);
            }
        }
        return weights;
    }

    public String modelVersion() {
        return version;
    }

    public String provenance() {
        return provenance;
    }

    /** "logistic-regression" or "random-forest". */
    public String selectedAlgorithm() {
        return selected;
    }

    public List<String> inputColumns() {
        return encoder.inputColumns();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Shipped {
        static final PdModel MODEL = loadShipped();

        private static PdModel loadShipped() {
            try (InputStream in = PdModel.class.getResourceAsStream(SHIPPED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("shipped PD model " + SHIPPED_RESOURCE + " is not on the classpath");
                }
                return read(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
