package com.ipledge.service.portfolio;

import static com.ipledge.service.portfolio.Amounts.money;
import static com.ipledge.service.portfolio.Amounts.ratio;

import com.ipledge.rules.params.PolicyParameters;
import com.ipledge.rules.params.ScorecardPolicy;
import com.ipledge.service.TimeFactory;
import com.ipledge.service.admin.AdminService;
import com.ipledge.service.admin.Bank;
import com.ipledge.service.TimeFactory;
import com.ipledge.service.policy.PolicyParameterStore;
import com.ipledge.service.portfolio.LedgerBook.LoanOnDay;
import com.ipledge.service.portfolio.Scorecard.BankScore;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.security.Caller;
import com.ipledge.service.spreadsheet.Table;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** The bank scorecard of the special assessment (see {@link Scorecard}). Read-only. */
@Singleton
public class Scorecards {
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final List<String> HIGHER_IS_BETTER = List.of("grantedAmount", "borrowers",
            "firstTimeBorrowers", "outstanding", "smallLoanShare", "quotaUse");

    private final LedgerBook ledger;
    private final PortfolioRepository portfolio;
    private final LedgerRepository ledgerRows;
    private final AdminService banks;
    private final PolicyParameterStore parameters;
    private final Clock clock;

    Scorecards(LedgerBook ledger, PortfolioRepository portfolio, LedgerRepository ledgerRows, AdminService banks,
               PolicyParameterStore parameters, Clock clock) {
        this.ledger = ledger;
        this.portfolio = portfolio;
        this.ledgerRows = ledgerRows;
        this.banks = banks;
        this.parameters = parameters;
        this.clock = clock;
    }

    /**
     * {@code from}/{@code to} as given (YYYY-MM-DD; this year so far when absent); {@code asOf} is another name for
     * {@code to}, the date whose book and quota use are scored. @throws InvalidInput
     */
    public Scorecard scorecard(Caller caller, String from, String to, String asOf) {
        boolean byAsOf = asOf != null && !asOf.isBlank();
        if (byAsOf && to != null && !to.isBlank() && !to.strip().equals(asOf.strip())) {
            throw InvalidInput.of("asOf", "names the scorecard's date as to does; give one of them");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate end = byAsOf ? StatisticsPacks.day("asOf", asOf, today, today)
                : StatisticsPacks.day("to", to, today, today);
        LocalDate start = StatisticsPacks.day("from", from, end.withDayOfYear(1), today);
        if (start.isAfter(end)) {
            throw InvalidInput.of("from", "is after to (" + end + ")");
        }
        return scorecard(caller.bankScope(), start, end);
    }

    Scorecard scorecard(Optional<UUID> bankScope, LocalDate from, LocalDate to) {
        PolicyParameters p = parameters.current();
        ScorecardPolicy policy = p.scorecardOrDefaults();
        BigDecimal tolerance = p.nplOrDefaults().tolerance();
        // every bank is scored against every other, whoever asks
        List<LoanOnDay> book = ledger.at(to, Optional.empty(), false).loans();
        Set<UUID> firstLoans = firstLoanOfEachFirm(book);
        Map<UUID, BigDecimal> overall = ledgerRows.overallNplRatios(to);
        Map<UUID, BigDecimal[]> quota = new HashMap<>();
        for (PortfolioRepository.QuotaRow q : portfolio.quotaPlans(Optional.empty(), to.getYear())) {
            BigDecimal[] sums = quota.computeIfAbsent(q.bankId(), k -> new BigDecimal[]{BigDecimal.ZERO,
                BigDecimal.ZERO});
            sums[0] = sums[0].add(q.amount());
        }
        // quota use as it stood at the end of the scorecard's date, from the plans' movements (not today's counters)
        portfolio.quotaUsedBefore(to.getYear(), to.plusDays(1).atStartOfDay(TimeFactory.BUSINESS_ZONE)
                .toOffsetDateTime()).forEach((bank, used) -> quota.computeIfAbsent(bank,
                k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO})[1] = used);
        List<Figures> figures = new ArrayList<>();
        for (Bank bank : banks.all()) {
            Figures f = new Figures(bank);
            for (LoanOnDay l : book) {
                if (l.loan().bankId().equals(bank.id())) {
                    f.add(l, from, policy.smallLoanMaxPrincipal(), firstLoans);
                }
            }
            BigDecimal[] q = quota.getOrDefault(bank.id(), new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            f.quotaAmount = q[0];
            f.quotaUsed = q[1];
            f.overallNpl = overall.get(bank.id());
            f.nplLimit = (f.overallNpl == null ? BigDecimal.ZERO : f.overallNpl).add(tolerance);
            figures.add(f);
        }
        Map<String, Function<Figures, BigDecimal>> indicators = indicators();
        Map<String, BigDecimal> best = new HashMap<>();
        Map<String, BigDecimal> worst = new HashMap<>();
        for (Map.Entry<String, Function<Figures, BigDecimal>> e : indicators.entrySet()) {
            List<BigDecimal> values = figures.stream()
                    .filter(f -> HIGHER_IS_BETTER.contains(e.getKey()) || f.grantedLoans > 0)
                    .map(e.getValue()).toList();
            best.put(e.getKey(), values.stream().reduce(HIGHER_IS_BETTER.contains(e.getKey())
                    ? BigDecimal::max : BigDecimal::min).orElse(BigDecimal.ZERO));
            worst.put(e.getKey(), values.stream().reduce(HIGHER_IS_BETTER.contains(e.getKey())
                    ? BigDecimal::min : BigDecimal::max).orElse(BigDecimal.ZERO));
        }
        List<BankScore> scored = new ArrayList<>();
        for (Figures f : figures) {
            Map<String, BigDecimal> scores = new LinkedHashMap<>();
            BigDecimal total = BigDecimal.ZERO;
            for (String indicator : ScorecardPolicy.INDICATORS) {
                BigDecimal score = indicator.equals("npl") ? f.nplScore()
                        : score(indicator, indicators.get(indicator).apply(f), best.get(indicator),
                        worst.get(indicator), f.grantedLoans > 0);
                scores.put(indicator, score);
                total = total.add(policy.weight(indicator).multiply(score));
            }
            scored.add(f.score(0, scores, total.setScale(2, RoundingMode.HALF_UP)));
        }
        scored.sort(Comparator.comparing(BankScore::total).reversed().thenComparing(BankScore::bankCode));
        List<BankScore> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            BankScore s = scored.get(i);
            int rank = i > 0 && scored.get(i - 1).total().compareTo(s.total()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(withRank(s, rank));
        }
        List<BankScore> visible = ranked.stream()
                .filter(s -> bankScope.map(id -> id.equals(s.bankId())).orElse(true)).toList();
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        ScorecardPolicy.INDICATORS.forEach(i -> weights.put(i, policy.weight(i)));
        return new Scorecard(from, to, PortfolioBook.scopeName(bankScope), p.version(),
                policy.smallLoanMaxPrincipal(), tolerance, weights, visible);
    }

    /** The scorecard as a table with Chinese headings and units, one row per bank in rank order. */
    public Table table(Scorecard card) {
        List<Table.Column> columns = new ArrayList<>(List.of(Table.count("排名"), Table.text("银行代码"),
                Table.text("银行名称"), Table.count("发放笔数"), Table.money("发放金额（元）"),
                Table.count("获贷企业数"), Table.count("首贷户数"), Table.money("贷款余额（元）"),
                Table.count("小额贷款笔数"), Table.share("小额贷款占比"), Table.share("平均利率"),
                Table.money("不良余额（元）"), Table.share("不良率"), Table.share("全行不良率"),
                Table.share("不良容忍上限"), Table.text("不良率在容忍度内"), Table.money("额度（元）"),
                Table.money("已用额度（元）"), Table.share("额度使用率"), Table.decimal("申请至放款中位天数（天）")));
        Map<String, String> names = Map.of("grantedAmount", "发放金额", "borrowers", "获贷企业数",
                "firstTimeBorrowers", "首贷户数", "outstanding", "贷款余额", "smallLoanShare", "小额贷款占比",
                "averageRate", "平均利率", "npl", "不良率", "quotaUse", "额度使用率", "speed", "放款速度");
        ScorecardPolicy.INDICATORS.forEach(i -> columns.add(Table.decimal(names.get(i) + "得分（权重 "
                + card.weights().get(i).stripTrailingZeros().toPlainString() + "）")));
        columns.add(Table.decimal("总分"));
        List<List<Object>> rows = new ArrayList<>();
        for (BankScore s : card.banks()) {
            List<Object> row = new ArrayList<>(Arrays.asList(s.rank(), s.bankCode(), s.bankName(), s.grantedLoans(),
                    s.grantedAmount(), s.borrowers(), s.firstTimeBorrowers(), s.outstanding(), s.smallLoans(),
                    s.smallLoanShare(), s.averageRate(), s.nonPerformingBalance(), s.nplRatio(),
                    s.overallNplRatio(), s.nplLimit(), s.nplWithinLimit() ? "是" : "否", s.quotaAmount(),
                    s.quotaUsed(), s.quotaUse(), s.medianDaysToDisburse()));
            ScorecardPolicy.INDICATORS.forEach(i -> row.add(s.scores().get(i)));
            row.add(s.total());
            rows.add(row);
        }
        return new Table("银行考核评分", "知识产权质押融资专项考核评分表 " + card.from() + " 至 " + card.to(), columns, rows);
    }

    /** The line under the sheet's title. */
    public static String asOfLine(Scorecard card) {
        return "数据日期 " + card.to() + "（考核期 " + card.from() + " 至 " + card.to() + "；参数版本 "
                + card.parametersVersion() + "）";
    }

    private static Map<String, Function<Figures, BigDecimal>> indicators() {
        Map<String, Function<Figures, BigDecimal>> m = new LinkedHashMap<>();
        m.put("grantedAmount", f -> f.grantedAmount);
        m.put("borrowers", f -> BigDecimal.valueOf(f.borrowers.size()));
        m.put("firstTimeBorrowers", f -> BigDecimal.valueOf(f.firstTimeBorrowers.size()));
        m.put("outstanding", f -> f.outstanding);
        m.put("smallLoanShare", Figures::smallLoanShare);
        m.put("averageRate", Figures::averageRate);
        m.put("quotaUse", Figures::quotaUse);
        m.put("speed", Figures::medianDays);
        return m;
    }

    private static BigDecimal score(String indicator, BigDecimal value, BigDecimal best, BigDecimal worst,
                                    boolean granted) {
        if (HIGHER_IS_BETTER.contains(indicator)) {
            return best.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                    : HUNDRED.multiply(value).divide(best, 2, RoundingMode.HALF_UP);
        }
        if (!granted) {
            return BigDecimal.ZERO.setScale(2);
        }
        return worst.compareTo(best) == 0 ? HUNDRED.setScale(2)
                : HUNDRED.multiply(worst.subtract(value)).divide(worst.subtract(best), 2, RoundingMode.HALF_UP);
    }

    /** The loan each firm (credit code) got first anywhere in the book: by disbursement date, then loan id. */
    private static Set<UUID> firstLoanOfEachFirm(List<LoanOnDay> book) {
        Map<String, LoanOnDay> first = new HashMap<>();
        Comparator<LoanOnDay> order = Comparator.comparing((LoanOnDay l) -> l.loan().disbursedOn())
                .thenComparing(l -> l.loan().loanId());
        for (LoanOnDay l : book) {
            first.merge(l.loan().creditCode(), l, (a, b) -> order.compare(a, b) <= 0 ? a : b);
        }
        Set<UUID> ids = new HashSet<>();
        first.values().forEach(l -> ids.add(l.loan().loanId()));
        return ids;
    }

    private static BankScore withRank(BankScore s, int rank) {
        return new BankScore(rank, s.bankId(), s.bankCode(), s.bankName(), s.grantedLoans(), s.grantedAmount(),
                s.borrowers(), s.firstTimeBorrowers(), s.outstanding(), s.smallLoans(), s.smallLoanShare(),
                s.averageRate(), s.nonPerformingBalance(), s.nplRatio(), s.overallNplRatio(), s.nplLimit(),
                s.nplWithinLimit(), s.quotaAmount(), s.quotaUsed(), s.quotaUse(), s.medianDaysToDisburse(),
                s.scores(), s.total());
    }

    /** One bank's figures for the period, before scoring. */
    private static final class Figures {
        final Bank bank;
        long grantedLoans;
        BigDecimal grantedAmount = BigDecimal.ZERO;
        BigDecimal rateTimesPrincipal = BigDecimal.ZERO;
        long smallLoans;
        final Set<String> borrowers = new HashSet<>();
        final Set<String> firstTimeBorrowers = new HashSet<>();
        final List<Long> days = new ArrayList<>();
        BigDecimal outstanding = BigDecimal.ZERO;
        BigDecimal nonPerforming = BigDecimal.ZERO;
        BigDecimal quotaAmount;
        BigDecimal quotaUsed;
        BigDecimal overallNpl;
        BigDecimal nplLimit;

        Figures(Bank bank) {
            this.bank = bank;
        }

        void add(LoanOnDay l, LocalDate from, BigDecimal smallLoanMax, Set<UUID> firstLoans) {
            if (l.inBook()) {
                outstanding = outstanding.add(l.outstanding());
                if (l.nonPerforming()) {
                    nonPerforming = nonPerforming.add(l.outstanding());
                }
            }
            if (l.loan().disbursedOn().isBefore(from)) {
                return;
            }
            grantedLoans++;
            grantedAmount = grantedAmount.add(l.loan().principal());
            rateTimesPrincipal = rateTimesPrincipal.add(l.loan().annualRate().multiply(l.loan().principal()));
            if (l.loan().principal().compareTo(smallLoanMax) <= 0) {
                smallLoans++;
            }
            borrowers.add(l.loan().creditCode());
            if (firstLoans.contains(l.loan().loanId())) {
                firstTimeBorrowers.add(l.loan().creditCode());
            }
            LocalDate applied = l.loan().appliedAt().atZoneSameInstant(TimeFactory.BUSINESS_ZONE).toLocalDate();
            days.add(ChronoUnit.DAYS.between(applied, l.loan().disbursedOn()));
        }

        BigDecimal smallLoanShare() {
            return ratio(BigDecimal.valueOf(smallLoans), BigDecimal.valueOf(grantedLoans));
        }

        BigDecimal averageRate() {
            return ratio(rateTimesPrincipal, grantedAmount);
        }

        BigDecimal nplRatio() {
            return ratio(nonPerforming, outstanding);
        }

        BigDecimal quotaUse() {
            return ratio(quotaUsed, quotaAmount);
        }

        /** The median of the days to disburse, one decimal; 0 with no loans (such a bank scores 0 anyway). */
        BigDecimal medianDays() {
            if (days.isEmpty()) {
                return BigDecimal.ZERO.setScale(1);
            }
            List<Long> sorted = days.stream().sorted().toList();
            int n = sorted.size();
            BigDecimal twice = n % 2 == 1 ? BigDecimal.valueOf(2 * sorted.get(n / 2))
                    : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2));
            return twice.divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
        }

        BigDecimal nplScore() {
            boolean within = nplRatio().compareTo(nplLimit) <= 0;
            return (outstanding.signum() > 0 && within ? HUNDRED : BigDecimal.ZERO).setScale(2);
        }

        BankScore score(int rank, Map<String, BigDecimal> scores, BigDecimal total) {
            return new BankScore(rank, bank.id(), bank.code(), bank.name(), grantedLoans, money(grantedAmount),
                    borrowers.size(), firstTimeBorrowers.size(), money(outstanding), smallLoans, smallLoanShare(),
                    averageRate(), money(nonPerforming), nplRatio(), overallNpl, nplLimit,
                    nplRatio().compareTo(nplLimit) <= 0, money(quotaAmount), money(quotaUsed), quotaUse(),
                    medianDays(), scores, total);
        }
    }
}
