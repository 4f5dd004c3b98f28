package com.ipledge.service.portfolio;

import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import java.util.List;
import java.util.TreeSet;

/** The options of {@code GET /portfolio/risk}, already checked. */
public record RiskOptions(int scenarios, long seed, List<Double> confidenceLevels) {
    public static final int DEFAULT_SCENARIOS = 20_000;
    /** The largest {@code scenarios} a caller may ask for. */
    public static final int MAX_SCENARIOS = 200_000;
    public static final long DEFAULT_SEED = 20_261_125L;
    /** Always reported; requested levels are added to these. */
    public static final List<Double> STANDARD_LEVELS = List.of(0.99, 0.999);
    static final int MAX_LEVELS = 10;

    public static RiskOptions defaults() {
        return new RiskOptions(DEFAULT_SCENARIOS, DEFAULT_SEED, STANDARD_LEVELS);
    }

    /**
     * Reads the query parameters (null or blank = default). {@code confidence} is a comma-separated list of
     * levels in (0, 1), added to 0.99 and 0.999.
     *
     * @throws InvalidInput naming each bad parameter
     */
    public static RiskOptions parse(String scenarios, String seed, String confidence) {
        FieldErrors errors = new FieldErrors();
        int n = DEFAULT_SCENARIOS;
        if (scenarios != null && !scenarios.isBlank()) {
            try {
                n = Integer.parseInt(scenarios.trim());
                if (n < 1 || n > MAX_SCENARIOS) {
                    errors.add("scenarios", "must be between 1 and " + MAX_SCENARIOS + ", was " + n);
                }
            } catch (NumberFormatException e) {
                errors.add("scenarios", "must be a whole number between 1 and " + MAX_SCENARIOS);
            }
        }
        long s = DEFAULT_SEED;
        if (seed != null && !seed.isBlank()) {
            try {
                s = Long.parseLong(seed.trim());
            } catch (NumberFormatException e) {
                errors.add("seed", "must be a whole number (a 64-bit integer)");
            }
        }
        TreeSet<Double> levels = new TreeSet<>(STANDARD_LEVELS);
        if (confidence != null && !confidence.isBlank()) {
            String[] parts = confidence.split(",");
            if (parts.length > MAX_LEVELS) {
                errors.add("confidence", "at most " + MAX_LEVELS + " levels");
            }
            for (String part : parts) {
                try {
                    double level = Double.parseDouble(part.trim());
                    if (!(level > 0.0 && level < 1.0)) {
                        errors.add("confidence", "each level must be strictly between 0 and 1, was "
                                + part.trim());
                    } else {
                        levels.add(level);
                    }
                } catch (NumberFormatException e) {
                    errors.add("confidence", "must be decimals between 0 and 1 separated by commas, e.g. "
                            + "0.99,0.999; was '" + part.trim() + "'");
                }
            }
        }
        errors.throwIfAny();
        return new RiskOptions(n, s, List.copyOf(levels));
    }
}
