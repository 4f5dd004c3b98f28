package com.ipledge.risk.pd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.risk.pd.cli.RiskModelsCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training command end to end, as a bank would run it: CSV in, model file and JSON report out. */
class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsOnACsvAndPrintsTheReportLast() throws Exception {
        Path csv = dir.resolve("sme.csv");
        SyntheticSmeData.generate(3000, 5).write(csv);
        Path model = dir.resolve("model.bin");
        Result r = run("train", "--data", csv.toString(), "--target", "defaulted", "--positive", "1",
                "--seed", "11", "--trees", "10", "--out", model.toString());
        assertEquals(0, r.code, r.err);
        String[] lines = r.out.strip().split("\n");
        String json = lines[lines.length - 1];
        assertTrue(json.startsWith("{") && json.endsWith("}"), json);
        for (String key : List.of("\"auc\":", "\"ks\":", "\"brier\":", "\"calibration\":[", "\"logistic-regression\":",
                "\"random-forest\":", "\"rows\":", "\"dataPreparation\":", "\"provenance\":\"", "\"modelVersion\":")) {
            assertTrue(json.contains(key), key + " in " + json);
        }
        assertEquals(10, count(json, "\"decile\":"));
        double auc = number(json, "\"auc\":([0-9.]+)");
        assertTrue(auc > 0.6 && auc <= 1.0);
        PdModel loaded = PdModel.load(model);
        assertTrue(json.contains(loaded.modelVersion()));
        assertTrue(loaded.provenance().contains("org.tribuo"));
    }

    @Test
    void missingTargetOrSingleClassIsAClearErrorAndNonZeroExit() throws Exception {
        Path csv = dir.resolve("one-class.csv");
        Files.writeString(csv, "a,b,flag\n1,x,0\n2,y,0\n3,,0\n4,x,0\n5,y,0\n6,x,0\n");
        Result noColumn = run("train", "--data", csv.toString(), "--target", "defaulted", "--positive", "1");
        assertEquals(2, noColumn.code);
        assertTrue(noColumn.err.contains("no column 'defaulted'"), noColumn.err);
        Result oneClass = run("train", "--data", csv.toString(), "--target", "flag", "--positive", "1");
        assertEquals(2, oneClass.code);
        assertTrue(oneClass.err.contains("must have both classes"), oneClass.err);
        Result usage = run("train", "--data", csv.toString());
        assertEquals(2, usage.code);
        assertTrue(usage.err.contains("--target is required"), usage.err);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static double number(String json, String regex) {
        Matcher m = Pattern.compile(regex).matcher(json);
        assertTrue(m.find(), regex);
        return Double.parseDouble(m.group(1));
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RiskModelsCli.run(new ArrayList<>(List.of(args)).toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
