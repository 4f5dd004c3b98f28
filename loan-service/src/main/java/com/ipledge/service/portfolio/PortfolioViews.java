package com.ipledge.service.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.risk.EngineInfo;
import com.ipledge.risk.portfolio.Exposure;
import com.ipledge.risk.portfolio.HistogramBin;
import com.ipledge.risk.portfolio.PortfolioRequest;
import com.ipledge.risk.portfolio.PortfolioResult;
import com.ipledge.risk.portfolio.PortfolioSimulator;
import com.ipledge.risk.portfolio.StressScenario;
import com.ipledge.risk.portfolio.Concentration;
import com.ipledge.risk.portfolio.TagContribution;
import com.ipledge.service.csv.Csv;
import com.ipledge.service.loan.LoanStatus;
import com.ipledge.service.portfolio.PortfolioRepository.BookRow;
import com.ipledge.service.portfolio.PortfolioRepository.PledgedAsset;
import com.ipledge.service.portfolio.PortfolioRepository.QuotaRow;
import com.ipledge.service.portfolio.PortfolioSummary.Alerts;
import com.ipledge.service.portfolio.PortfolioSummary.ExposureRow;
import com.ipledge.service.portfolio.PortfolioSummary.MonthTrend;
import com.ipledge.service.portfolio.PortfolioSummary.QuotaUse;
import com.ipledge.service.portfolio.PortfolioSummary.Totals;
import com.ipledge.service.risk.PortfolioRisk;
import com.ipledge.service.security.Caller;
import com.ipledge.service.web.ApiProblem;
import com.ipledge.service.web.FieldErrors;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * The bureau's (and each bank's) view of the book: the summary, the simulated loss distribution and CSV exports.
 * The HTTP API ({@link PortfolioController}) and the bureau dashboard page both call this bean; every method is
 * scoped by a bank (empty = every bank). Read-only: nothing is written, so nothing is audited.
 */
@Singleton
public class PortfolioViews {
    /** Asset correlation R of the one-factor model: the Basel corporate floor (0.12), a documented default. */
    public static final double CORRELATION = 0.12;
    public static final int DEFAULT_SCENARIOS = 20_000;
    /** The largest {@code scenarios} a caller may ask for. */
    public static final int MAX_SCENARIOS = 200_000;
    public static final long DEFAULT_SEED = 20_261_125L;
    /** Always reported; requested levels are added to these. */
    public static final List<Double> STANDARD_LEVELS = List.of(0.99, 0.999);
    static final int MAX_LEVELS = 10;
    static final double PD_STRESS_MULTIPLIER = 2.0;
    static final double COLLATERAL_HAIRCUT = 0.30;
    static final double INDUSTRY_SHOCK_MULTIPLIER = 3.0;
    /** The tables {@code summary.csv?table=} exports. */
    public static final List<String> CSV_TABLES = List.of("byBank", "byIndustry", "byEcoIndustry", "byRegion",
            "byIpType", "quota", "trends");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHARE_SCALE = 6;

    /** The options of {@code GET /portfolio/risk}, already checked. */
    public record RiskOptions(int scenarios, long seed, List<Double> confidenceLevels) {
        public static RiskOptions defaults() {
            return new RiskOptions(DEFAULT_SCENARIOS, DEFAULT_SEED, STANDARD_LEVELS);
        }

        /**
         * Reads the query parameters (null or blank = default). {@code confidence} is a comma-separated list of
         * levels in (0, 1), added to 0.99 and 0.999.
         *
         * @throws ApiProblem 400 naming each bad parameter
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

    /** A CSV file: its suggested name and its bytes (UTF-8 with BOM). */
    public record Export(String filename, byte[] bytes) {
    }

    /** A part of a loan's exposure attributed to one IP type. */
    record IpPart(String ipType, BigDecimal amount) {
    }

    /** A loan of the book with its slicing keys resolved. PD and LGD are zero when the decision lacks them. */
    record BookLoan(BookRow row, String section, String ecoIndustry, List<IpPart> ipParts, String dominantIpType,
                    BigDecimal pd, BigDecimal lgd, boolean missingPdLgd) {
        boolean live() {
            return row.status().isLive();
        }

        BigDecimal outstanding() {
            return row.outstanding();
        }

        /** PD x LGD x amount, exact. */
        BigDecimal expectedLoss(BigDecimal amount) {
            return pd.multiply(lgd).multiply(amount);
        }
    }

    private final PortfolioRepository repository;
    private final PortfolioRisk portfolioRisk;
    private final Clock clock;

    public PortfolioViews(PortfolioRepository repository, PortfolioRisk portfolioRisk, Clock clock) {
        this.repository = repository;
        this.portfolioRisk = portfolioRisk;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ summary

    public PortfolioSummary summary(Caller caller) {
        return summary(caller.bankScope());
    }

    public PortfolioSummary summary(Optional<UUID> bankScope) {
        LocalDate today = LocalDate.now(clock);
        List<BookLoan> book = book(bankScope);

        long liveLoans = 0;
        long defaultedLoans = 0;
        long missing = 0;
        BigDecimal live = BigDecimal.ZERO;
        BigDecimal defaulted = BigDecimal.ZERO;
        BigDecimal el = BigDecimal.ZERO;
        for (BookLoan l : book) {
            if (l.live()) {
                liveLoans++;
                live = live.add(l.outstanding());
                el = el.add(l.expectedLoss(l.outstanding()));
                if (l.missingPdLgd()) {
                    missing++;
                }
            } else {
                defaultedLoans++;
                defaulted = defaulted.add(l.outstanding());
            }
        }
        Totals totals = new Totals(liveLoans, money(live), defaultedLoans, money(defaulted), money(el),
                ratio(el, live), ratio(defaulted, live.add(defaulted)), missing);

        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (LoanStatus s : LoanStatus.values()) {
            byStatus.put(s.name(), 0L);
        }
        repository.countsByStatus(bankScope).forEach(byStatus::put);

        Dimensions d = dimensions(book);
        return new PortfolioSummary(today, scopeName(bankScope), totals, byStatus, d.byBank, d.byIndustry,
                d.byEcoIndustry, d.byRegion, d.byIpType, d.herfindahl, quota(bankScope, today.getYear()),
                alerts(bankScope), trends(bankScope, today));
    }

    private record Dimensions(List<ExposureRow> byBank, List<ExposureRow> byIndustry,
                              List<ExposureRow> byEcoIndustry, List<ExposureRow> byRegion,
                              List<ExposureRow> byIpType, Map<String, Double> herfindahl) {
    }

    /** Sums of one level of a dimension. */
    private static final class Level {
        final String key;
        UUID id;
        String name;
        long loans;
        BigDecimal exposure = BigDecimal.ZERO;
        BigDecimal expectedLoss = BigDecimal.ZERO;
        long defaultedLoans;
        BigDecimal defaultedExposure = BigDecimal.ZERO;

        Level(String key) {
            this.key = key;
        }

        void add(BookLoan l, BigDecimal amount) {
            if (l.live()) {
                loans++;
                exposure = exposure.add(amount);
                expectedLoss = expectedLoss.add(l.expectedLoss(amount));
            } else {
                defaultedLoans++;
                defaultedExposure = defaultedExposure.add(amount);
            }
        }
    }

    private Dimensions dimensions(List<BookLoan> book) {
        Map<String, Level> banks = new LinkedHashMap<>();
        Map<String, Level> sections = new LinkedHashMap<>();
        Map<String, Level> ecos = new LinkedHashMap<>();
        Map<String, Level> regions = new LinkedHashMap<>();
        Map<String, Level> ipTypes = new LinkedHashMap<>();
        for (BookLoan l : book) {
            Level bank = banks.computeIfAbsent(l.row().bankCode(), Level::new);
            bank.id = l.row().bankId();
            bank.name = l.row().bankName();
            bank.add(l, l.outstanding());
            sections.computeIfAbsent(l.section(), Level::new).add(l, l.outstanding());
            ecos.computeIfAbsent(l.ecoIndustry(), Level::new).add(l, l.outstanding());
            String region = l.row().regionCode() == null ? PortfolioLabels.UNSPECIFIED : l.row().regionCode();
            regions.computeIfAbsent(region, Level::new).add(l, l.outstanding());
            for (IpPart p : l.ipParts()) {
                ipTypes.computeIfAbsent(p.ipType(), Level::new).add(l, p.amount());
            }
        }
        BigDecimal total = book.stream().filter(BookLoan::live).map(BookLoan::outstanding)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Double> hhi = new LinkedHashMap<>();
        hhi.put("bank", herfindahl(banks));
        hhi.put("industry", herfindahl(sections));
        hhi.put("ecoIndustry", herfindahl(ecos));
        hhi.put("region", herfindahl(regions));
        hhi.put("ipType", herfindahl(ipTypes));
        return new Dimensions(
                rows(banks, total, k -> new PortfolioLabels.Label(banks.get(k).name, null), k -> null),
                rows(sections, total, PortfolioLabels::sectionLabel, k -> null),
                rows(ecos, total, PortfolioLabels::ecoIndustryLabel, k -> null),
                rows(regions, total, PortfolioLabels::regionLabel,
                        k -> PortfolioLabels.gansuPrefecture(k).orElse(null)),
                rows(ipTypes, total, PortfolioLabels::ipTypeLabel, k -> null),
                hhi);
    }

    private static double herfindahl(Map<String, Level> levels) {
        return Concentration.herfindahl(levels.values().stream().map(l -> l.exposure).toList());
    }

    private List<ExposureRow> rows(Map<String, Level> levels, BigDecimal total,
                                   Function<String, PortfolioLabels.Label> label,
                                   Function<String, String> prefecture) {
        return levels.values().stream()
                .sorted(Comparator.comparing((Level l) -> l.exposure).reversed()
                        .thenComparing(l -> l.defaultedExposure, Comparator.reverseOrder())
                        .thenComparing(l -> l.key))
                .map(l -> {
                    PortfolioLabels.Label name = label.apply(l.key);
                    return new ExposureRow(l.key, l.id, name == null ? null : name.zh(),
                            name == null ? null : name.en(), prefecture.apply(l.key), l.loans, money(l.exposure),
                            ratio(l.exposure, total), money(l.expectedLoss), l.defaultedLoans,
                            money(l.defaultedExposure));
                })
                .toList();
    }

    private List<QuotaUse> quota(Optional<UUID> bankScope, int year) {
        List<QuotaUse> rows = new ArrayList<>();
        for (QuotaRow q : repository.quotaPlans(bankScope, year)) {
            BigDecimal used = q.reserved().add(q.drawn());
            rows.add(new QuotaUse(q.planId(), q.bankId(), q.bankCode(), q.bankName(), q.year(), q.segment(),
                    q.amount(), q.reserved(), q.drawn(), q.amount().subtract(used), ratio(used, q.amount())));
        }
        return rows;
    }

    private Alerts alerts(Optional<UUID> bankScope) {
        return repository.openAlertsBySeverity(bankScope)
                .map(m -> new Alerts(true, m.values().stream().mapToLong(Long::longValue).sum(), m))
                .orElse(new Alerts(false, 0, Map.of()));
    }

    private List<MonthTrend> trends(Optional<UUID> bankScope, LocalDate today) {
        YearMonth last = YearMonth.from(today);
        YearMonth first = last.minusMonths(11);
        Map<YearMonth, long[]> counts = new LinkedHashMap<>();
        Map<YearMonth, BigDecimal> amounts = new HashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            counts.put(m, new long[1]);
            amounts.put(m, BigDecimal.ZERO);
        }
        for (PortfolioRepository.Disbursal d : repository.disbursedSince(bankScope, first.atDay(1))) {
            YearMonth m = YearMonth.from(d.disbursedOn());
            if (counts.containsKey(m)) {
                counts.get(m)[0]++;
                amounts.merge(m, d.principal(), BigDecimal::add);
            }
        }
        List<MonthTrend> trends = new ArrayList<>();
        counts.forEach((m, n) -> trends.add(new MonthTrend(m.toString(), n[0], money(amounts.get(m)))));
        return trends;
    }

    // --------------------------------------------------------------------------------------------------- risk

    public PortfolioRiskView risk(Caller caller, RiskOptions options) {
        return risk(caller.bankScope(), options);
    }

    public PortfolioRiskView risk(Optional<UUID> bankScope, RiskOptions options) {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        List<BookLoan> book = book(bankScope);
        List<BookLoan> live = book.stream().filter(BookLoan::live).toList();
        Map<String, Double> hhi = dimensions(book).herfindahl();
        List<Double> levels = options.confidenceLevels();

        Map<String, BigDecimal> sectionExposure = new LinkedHashMap<>();
        for (BookLoan l : live) {
            sectionExposure.merge(l.section(), l.outstanding(), BigDecimal::add);
        }
        String biggestIndustry = sectionExposure.entrySet().stream()
                .max(Map.Entry.<String, BigDecimal>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
        List<NamedStress> stresses = List.of(
                new NamedStress("PD_X2", "违约概率翻倍", "Every PD doubled (capped at 1)",
                        StressScenario.pdMultiplier(PD_STRESS_MULTIPLIER)),
                new NamedStress("COLLATERAL_HAIRCUT_30", "押品价值下降30%",
                        "Collateral values cut by 30%: LGD' = 1 - (1 - LGD) x 0.7",
                        StressScenario.collateralHaircut(COLLATERAL_HAIRCUT)),
                new NamedStress("BIGGEST_INDUSTRY_SHOCK", "最大行业冲击：该行业违约概率x3",
                        "PD x3 in the industry section with the largest exposure ("
                                + (biggestIndustry == null ? "none" : biggestIndustry) + ")",
                        StressScenario.industryShock(biggestIndustry, INDUSTRY_SHOCK_MULTIPLIER)));

        if (live.isEmpty()) {
            Map<String, BigDecimal> zeros = new LinkedHashMap<>();
            levels.forEach(level -> zeros.put(levelKey(level), money(BigDecimal.ZERO)));
            List<PortfolioRiskView.StressResult> stress = stresses.stream()
                    .map(s -> s.result(money(BigDecimal.ZERO), money(BigDecimal.ZERO), zeros, zeros)).toList();
            return new PortfolioRiskView(today, scopeName(bankScope), 0, money(BigDecimal.ZERO),
                    money(BigDecimal.ZERO), money(BigDecimal.ZERO), zeros, zeros, zeros, Map.of(), hhi, List.of(),
                    stress, CORRELATION, "one-factor", options.scenarios(), 0, false, options.seed(), levels,
                    elapsed(started), EngineInfo.VERSION);
        }

        List<Exposure> exposures = live.stream()
                .map(l -> new Exposure(l.row().loanId().toString(), l.outstanding(), l.pd().doubleValue(),
                        l.lgd().doubleValue(), l.row().bankCode(), l.section(), l.row().regionCode(),
                        l.dominantIpType()))
                .toList();
        long budget = PortfolioSimulator.MAX_LOAN_SCENARIOS / exposures.size();
        int scenarios = (int) Math.max(1, Math.min(options.scenarios(), budget));
        PortfolioRequest base = new PortfolioRequest(null, exposures, CORRELATION, null, scenarios, options.seed(),
                levels, null, null);
        PortfolioResult r = portfolioRisk.simulate(base);
        List<PortfolioRiskView.StressResult> stress = new ArrayList<>();
        for (NamedStress s : stresses) {
            PortfolioResult sr = portfolioRisk.simulate(base.withStress(s.scenario()));
            stress.add(s.result(sr.expectedLoss(), sr.analyticExpectedLoss(), sr.lossQuantiles(),
                    sr.expectedShortfall()));
        }
        Map<String, List<PortfolioRiskView.Contribution>> contributions = new LinkedHashMap<>();
        r.contributions().forEach((tag, list) -> contributions.put(tag, list.stream()
                .map(PortfolioViews::contribution).toList()));
        List<PortfolioRiskView.Bin> bins = r.histogram().stream().map(PortfolioViews::bin).toList();
        return new PortfolioRiskView(today, scopeName(bankScope), exposures.size(), r.totalExposure(),
                r.expectedLoss(), r.analyticExpectedLoss(), r.lossQuantiles(), r.lossQuantiles(),
                r.expectedShortfall(), contributions, hhi, bins, stress, CORRELATION, r.factorModel(),
                options.scenarios(), r.scenarios(), scenarios < options.scenarios(), r.seed(), levels,
                elapsed(started), r.engineVersion());
    }

    private record NamedStress(String name, String zh, String en, StressScenario scenario) {
        PortfolioRiskView.StressResult result(BigDecimal el, BigDecimal analyticEl, Map<String, BigDecimal> q,
                                              Map<String, BigDecimal> es) {
            return new PortfolioRiskView.StressResult(name, zh, en, scenario.pdMultiplier(),
                    scenario.collateralHaircut(), scenario.shockedIndustry(), scenario.industryPdMultiplier(), el,
                    analyticEl, q, es);
        }
    }

    private static PortfolioRiskView.Contribution contribution(TagContribution c) {
        return new PortfolioRiskView.Contribution(c.level(), c.exposure(), c.exposureShare(), c.expectedLoss(),
                c.expectedShortfallContribution());
    }

    private static PortfolioRiskView.Bin bin(HistogramBin b) {
        return new PortfolioRiskView.Bin(b.from(), b.to(), b.count());
    }

    /** The engine's key for a confidence level ("0.99", "0.999"). */
    static String levelKey(double level) {
        return BigDecimal.valueOf(level).stripTrailingZeros().toPlainString();
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000L;
    }

    // ---------------------------------------------------------------------------------------------------- CSV

    public Export csv(Caller caller, String table) {
        return csv(caller.bankScope(), table);
    }

    /**
     * One table of the summary as CSV (RFC 4180, UTF-8 with BOM), one row per level, no totals row.
     *
     * @throws ApiProblem 400 on {@code table} when it is not one of {@link #CSV_TABLES}
     */
    public Export csv(Optional<UUID> bankScope, String table) {
        if (table == null || !CSV_TABLES.contains(table)) {
            throw ApiProblem.invalid("table", "must be one of " + String.join(", ", CSV_TABLES)
                    + (table == null ? "" : ", was '" + table + "'"));
        }
        PortfolioSummary s = summary(bankScope);
        Csv.Writer csv = Csv.Writer.formulaSafe();
        List<String> exposureColumns = List.of("loans", "exposure", "share", "expectedLoss", "defaultedLoans",
                "defaultedExposure");
        switch (table) {
            case "byBank" -> {
                csv.row(concat(List.of("bankCode", "bankId", "bankName"), exposureColumns));
                s.byBank().forEach(r -> csv.row(concat(Arrays.asList(r.key(), r.id(), r.nameZh()),
                        exposureValues(r))));
            }
            case "byRegion" -> {
                csv.row(concat(List.of("regionCode", "prefecture", "nameZh", "nameEn"), exposureColumns));
                s.byRegion().forEach(r -> csv.row(concat(Arrays.asList(r.key(), r.prefecture(), r.nameZh(),
                        r.nameEn()), exposureValues(r))));
            }
            case "byIndustry", "byEcoIndustry", "byIpType" -> {
                csv.row(concat(List.of(table.equals("byIndustry") ? "section"
                        : table.equals("byIpType") ? "ipType" : "ecoIndustry", "nameZh", "nameEn"), exposureColumns));
                List<ExposureRow> rows = table.equals("byIndustry") ? s.byIndustry()
                        : table.equals("byIpType") ? s.byIpType() : s.byEcoIndustry();
                rows.forEach(r -> csv.row(concat(Arrays.asList(r.key(), r.nameZh(), r.nameEn()),
                        exposureValues(r))));
            }
            case "quota" -> {
                csv.row(List.of("bankCode", "bankName", "year", "segment", "amount", "reserved", "drawn",
                        "available", "utilisation"));
                s.quota().forEach(q -> csv.row(List.of(q.bankCode(), q.bankName(), q.year(), q.segment(),
                        q.amount(), q.reserved(), q.drawn(), q.available(), q.utilisation())));
            }
            default -> {
                csv.row(List.of("month", "disbursedCount", "disbursedAmount"));
                s.trends().forEach(t -> csv.row(List.of(t.month(), t.disbursedCount(), t.disbursedAmount())));
            }
        }
        return new Export("portfolio-" + table + "-" + s.asOf() + ".csv", csv.utf8WithBom());
    }

    private static List<Object> exposureValues(ExposureRow r) {
        return List.of(r.loans(), r.exposure(), r.share(), r.expectedLoss(), r.defaultedLoans(),
                r.defaultedExposure());
    }

    private static List<Object> concat(List<?> a, List<?> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // --------------------------------------------------------------------------------------------------- book

    /** The live and defaulted loans in scope with their slicing keys, IP-type split and PD/LGD. */
    List<BookLoan> book(Optional<UUID> bankScope) {
        List<BookRow> rows = repository.book(bankScope);
        Map<UUID, List<PledgedAsset>> pledged = repository.pledgedAssets(
                rows.stream().map(BookRow::applicationId).toList());
        List<BookLoan> book = new ArrayList<>(rows.size());
        for (BookRow r : rows) {
            List<IpPart> parts = ipSplit(r.outstanding(), pledged.getOrDefault(r.applicationId(), List.of()),
                    collateralValues(r.decisionBody()));
            IpPart dominant = parts.get(0);
            for (IpPart p : parts) {
                if (p.amount().compareTo(dominant.amount()) > 0) {
                    dominant = p; // the first of equal parts wins
                }
            }
            boolean missing = r.pd() == null || r.lgd() == null;
            book.add(new BookLoan(r, PortfolioLabels.section(r.industryCode()),
                    r.ecoIndustry() == null || r.ecoIndustry().isBlank() ? PortfolioLabels.UNSPECIFIED
                            : r.ecoIndustry(),
                    parts, dominant.ipType(), r.pd() == null ? BigDecimal.ZERO : r.pd(),
                    r.lgd() == null ? BigDecimal.ZERO : r.lgd(), missing));
        }
        return book;
    }

    /** The collateral value the decision used for each asset (decision body {@code collateral[]}). */
    static Map<UUID, BigDecimal> collateralValues(String decisionBody) {
        Map<UUID, BigDecimal> values = new HashMap<>();
        if (decisionBody == null) {
            return values;
        }
        try {
            JsonNode collateral = JSON.readTree(decisionBody).path("collateral");
            for (JsonNode c : collateral) {
                JsonNode id = c.path("assetId");
                JsonNode value = c.path("collateralValue");
                if (id.isTextual() && (value.isNumber() || value.isTextual())) {
                    values.put(UUID.fromString(id.asText()), new BigDecimal(value.asText()));
                }
            }
        } catch (Exception unreadable) {
            values.clear(); // an unreadable body: split equally
        }
        return values;
    }

    /**
     * Splits {@code amount} across the pledged assets pro rata to their collateral values, or equally when any
     * value is unknown or negative or they add up to zero; exact to the fen by the largest-remainder method
     * (ties go to the asset filed first). Parts of assets of the same type are added up; types appear in the
     * order their first asset was filed.
     */
    static List<IpPart> ipSplit(BigDecimal amount, List<PledgedAsset> assets, Map<UUID, BigDecimal> values) {
        if (assets.isEmpty()) {
            return List.of(new IpPart(PortfolioLabels.UNSPECIFIED, amount));
        }
        boolean known = assets.stream().allMatch(a -> values.get(a.assetId()) != null
                && values.get(a.assetId()).signum() >= 0);
        List<BigDecimal> weights = assets.stream()
                .map(a -> known ? values.get(a.assetId()) : BigDecimal.ONE).toList();
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() == 0) {
            weights = assets.stream().map(a -> BigDecimal.ONE).toList();
            total = BigDecimal.valueOf(assets.size());
        }
        BigDecimal fen = amount.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY);
        long[] parts = new long[assets.size()];
        BigDecimal[] remainders = new BigDecimal[assets.size()];
        long allocated = 0;
        for (int i = 0; i < parts.length; i++) {
            BigDecimal exact = fen.multiply(weights.get(i)).divide(total, MathContext.DECIMAL128);
            BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
            parts[i] = floor.longValueExact();
            remainders[i] = exact.subtract(floor);
            allocated += parts[i];
        }
        long left = fen.longValueExact() - allocated;
        Integer[] order = new Integer[parts.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing((Integer i) -> remainders[i]).reversed()
                .thenComparing(i -> i));
        for (int k = 0; k < left; k++) {
            parts[order[k % order.length]]++;
        }
        Map<String, BigDecimal> byType = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String type = assets.get(i).type() == null ? PortfolioLabels.UNSPECIFIED : assets.get(i).type();
            byType.merge(type, BigDecimal.valueOf(parts[i], 2), BigDecimal::add);
        }
        List<IpPart> split = new ArrayList<>();
        byType.forEach((type, part) -> split.add(new IpPart(type, part)));
        return split;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static String scopeName(Optional<UUID> bankScope) {
        return bankScope.map(UUID::toString).orElse("ALL");
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO.setScale(SHARE_SCALE)
                : part.divide(whole, SHARE_SCALE, RoundingMode.HALF_UP);
    }
}
