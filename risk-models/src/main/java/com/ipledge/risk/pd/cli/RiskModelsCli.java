package com.ipledge.risk.pd.cli;

import com.ipledge.risk.pd.CsvTable;
import com.ipledge.risk.pd.PdTrainer;
import com.ipledge.risk.pd.PdTrainingException;
import com.ipledge.risk.pd.SyntheticSmeData;
import com.ipledge.risk.pd.TrainingOptions;
import com.ipledge.risk.pd.TrainingOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The training command of the runnable jar ({@code risk-models-<version>-cli.jar}):
 * <pre>
 * train    --data FILE.csv --target COLUMN --positive VALUE [--seed N] [--out MODEL] [--trees N] [--depth N]
 *          [--ignore COL,COL] [--categorical COL,COL] [--name NAME]
 * generate --rows N [--seed N] --out FILE.csv      (the synthetic SME book the shipped model is trained on)
 * </pre>
 * {@code train} prints a summary, then the JSON report as its last line. Exit codes: 0 done, 2 bad usage or
 * unusable data (the message says why), 1 an I/O failure.
 */
public final class RiskModelsCli {
    private static final String USAGE = "usage: train --data FILE.csv --target COLUMN --positive VALUE [--seed N]"
            + " [--out MODEL] [--trees N] [--depth N] [--ignore COL,..] [--categorical COL,..] [--name NAME]\n"
            + "       generate --rows N [--seed N] --out FILE.csv";

    /** Held so that the level sticks (java.util.logging keeps loggers weakly). */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    private RiskModelsCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        TRIBUO_LOG.setLevel(Level.WARNING);
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        try {
            Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
            return switch (args[0]) {
                case "train" -> train(options, out, err);
                case "generate" -> generate(options, out);
                default -> {
                    err.println("unknown command '" + args[0] + "'\n" + USAGE);
                    yield 2;
                }
            };
        } catch (UsageException | PdTrainingException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static int train(Map<String, String> o, PrintStream out, PrintStream err) throws IOException {
        Path data = Path.of(required(o, "data"));
        if (!Files.isRegularFile(data)) {
            throw new UsageException("no such file: " + data);
        }
        String target = required(o, "target");
        String positive = required(o, "positive");
        long seed = number(o, "seed", 42);
        byte[] bytes = Files.readAllBytes(data);
        String description = data.getFileName() + " sha256:" + sha256(bytes).substring(0, 16);
        TrainingOptions options = TrainingOptions.defaults(seed)
                .withForest((int) number(o, "trees", 60), (int) number(o, "depth", 8))
                .withIgnore(list(o.get("ignore")))
                .withCategorical(list(o.get("categorical")))
                .withNames(o.getOrDefault("name", "pd"), description);
        CsvTable table = CsvTable.read(data);
        err.println("training on " + table.rows().size() + " rows of " + description + " ...");
        TrainingOutcome outcome = PdTrainer.train(table, target, positive, options);
        if (o.containsKey("out")) {
            Path model = Path.of(o.get("out"));
            Files.write(model, outcome.modelFile());
            err.println("model written to " + model + " (" + outcome.modelFile().length + " bytes)");
        }
        Map<String, Object> r = outcome.report();
        out.printf("selected %s: validation AUC %.4f, KS %.4f, Brier %.4f, model %s%n", r.get("selectedModel"),
                r.get("auc"), r.get("ks"), r.get("brier"), r.get("modelVersion"));
        out.println(outcome.reportJson());
        return 0;
    }

    private static int generate(Map<String, String> o, PrintStream out) throws IOException {
        int rows = (int) number(o, "rows", 20000);
        long seed = number(o, "seed", 42);
        Path file = Path.of(required(o, "out"));
        SyntheticSmeData.generate(rows, seed).write(file);
        out.println("wrote " + rows + " synthetic SME borrowers (seed " + seed + ") to " + file);
        return 0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new UsageException("expected --option value at '" + args[i] + "'\n" + USAGE);
            }
            map.put(args[i].substring(2), args[++i]);
        }
        return map;
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageException("--" + name + " is required\n" + USAGE);
        }
        return v;
    }

    private static long number(Map<String, String> o, String name, long fallback) {
        try {
            return o.containsKey(name) ? Long.parseLong(o.get(name)) : fallback;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, was '" + o.get(name) + "'");
        }
    }

    private static Set<String> list(String csv) {
        return csv == null ? Set.of() : Set.of(csv.split(","));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
