package com.ipledge.service.portfolio;

import static com.ipledge.service.portfolio.Amounts.money;
import static com.ipledge.service.portfolio.Amounts.ratio;

import com.ipledge.service.portfolio.LedgerBook.LoanOnDay;
import com.ipledge.service.portfolio.PortfolioBook.IpPart;
import com.ipledge.service.portfolio.StatisticsPack.Row;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.security.Caller;
import com.ipledge.service.spreadsheet.Table;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** The regulator's statistics pack of any past business day (see {@link StatisticsPack}). Read-only. */
@Singleton
public class StatisticsPacks {
    /** The tables {@code statistics.csv?table=} exports. */
    public static final List<String> TABLES = List.of("totals", "byIpType", "byBank", "byRegion");

    private final LedgerBook ledger;
    private final Clock clock;

    StatisticsPacks(LedgerBook ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** {@code asOf} as given (YYYY-MM-DD; today when absent). @throws InvalidInput on a bad or future date */
    public StatisticsPack pack(Caller caller, String asOf) {
        LocalDate today = LocalDate.now(clock);
        return pack(caller.bankScope(), day("asOf", asOf, today, today));
    }

    StatisticsPack pack(Optional<UUID> bankScope, LocalDate asOf) {
        LedgerBook.Day day = ledger.at(asOf, bankScope, true);
        LocalDate yearStart = asOf.withDayOfYear(1);
        Level total = new Level("ALL");
        Map<String, Level> ipTypes = new LinkedHashMap<>();
        Map<String, Level> banks = new LinkedHashMap<>();
        Map<String, Level> regions = new LinkedHashMap<>();
        Map<String, String> bankNames = new LinkedHashMap<>();
        for (LoanOnDay l : day.loans()) {
            boolean granted = !l.loan().disbursedOn().isBefore(yearStart);
            if (!granted && !l.inBook()) {
                continue; // repaid before this year: in none of the pack's figures
            }
            total.add(l, granted, l.loan().principal(), l.outstanding());
            String bank = l.loan().bankCode();
            bankNames.put(bank, l.loan().bankName());
            banks.computeIfAbsent(bank, Level::new).add(l, granted, l.loan().principal(), l.outstanding());
            String region = l.loan().regionCode() == null ? PortfolioLabels.UNSPECIFIED
                    : PortfolioLabels.gansuPrefecture(l.loan().regionCode()).orElse(l.loan().regionCode());
            regions.computeIfAbsent(region, Level::new).add(l, granted, l.loan().principal(), l.outstanding());
            Map<String, BigDecimal> principalParts = byType(l.ipParts(l.loan().principal()));
            Map<String, BigDecimal> outstandingParts = byType(l.ipParts(l.outstanding()));
            for (Map.Entry<String, BigDecimal> p : principalParts.entrySet()) {
                ipTypes.computeIfAbsent(p.getKey(), Level::new).add(l, granted, p.getValue(),
                        outstandingParts.getOrDefault(p.getKey(), BigDecimal.ZERO));
            }
        }
        return new StatisticsPack(asOf, asOf.getYear(), PortfolioBook.scopeName(bankScope),
                total.row(new PortfolioLabels.Label("全部", "All")),
                rows(ipTypes, PortfolioLabels::ipTypeLabel),
                rows(banks, k -> new PortfolioLabels.Label(bankNames.get(k), null)),
                rows(regions, PortfolioLabels::regionLabel));
    }

    /** One table of the pack, with Chinese headings and units. @throws InvalidInput on {@code table} */
    public Table table(StatisticsPack pack, String table) {
        if (table == null || !TABLES.contains(table)) {
            throw InvalidInput.of("table", "must be one of " + String.join(", ", TABLES)
                    + (table == null ? "" : ", was '" + table + "'"));
        }
        return switch (table) {
            case "totals" -> table("合计", "统计口径：全部", "口径", List.of(pack.totals()));
            case "byIpType" -> table("按知识产权类型", "按知识产权类型", "知识产权类型", pack.byIpType());
            case "byBank" -> table("按银行", "按银行", "银行代码", pack.byBank());
            default -> table("按地区", "按地区（市州）", "地区代码", pack.byRegion());
        };
    }

    /** Every table of the pack, in {@link #TABLES} order. */
    public List<Table> tables(StatisticsPack pack) {
        return TABLES.stream().map(t -> table(pack, t)).toList();
    }

    /** The line under every sheet's title: the day and what the figures cover. */
    public static String asOfLine(StatisticsPack pack) {
        return "数据日期 " + pack.asOf() + "（" + pack.year() + " 年初至该日发放；余额为该日日终）";
    }

    private static Table table(String name, String title, String keyHeading, List<Row> rows) {
        List<Table.Column> columns = List.of(Table.text(keyHeading), Table.text("名称"),
                Table.count("年内发放笔数"), Table.money("年内发放金额（元）"), Table.count("年内获贷企业数"),
                Table.count("余额笔数"), Table.money("贷款余额（元）"), Table.count("有余额企业数"),
                Table.count("不良笔数"), Table.money("不良余额（元）"), Table.share("不良率"));
        List<List<Object>> cells = new ArrayList<>();
        for (Row r : rows) {
            cells.add(java.util.Arrays.asList(r.key(), r.nameZh(), r.grantedLoans(), r.grantedAmount(),
                    r.grantedFirms(), r.outstandingLoans(), r.outstandingBalance(), r.outstandingFirms(),
                    r.nonPerformingLoans(), r.nonPerformingBalance(), r.nplRatio()));
        }
        return new Table(name, title, columns, cells);
    }

    /**
     * A date query parameter: absent means {@code absent}; a bad date, or one after {@code today}, is a 400 naming
     * {@code field}.
     */
    static LocalDate day(String field, String value, LocalDate absent, LocalDate today) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "must be a date YYYY-MM-DD, was '" + value + "'");
        }
        if (d.isAfter(today)) {
            throw InvalidInput.of(field, "is after the business date " + today);
        }
        return d;
    }

    private static Map<String, BigDecimal> byType(List<IpPart> parts) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        parts.forEach(p -> m.merge(p.ipType(), p.amount(), BigDecimal::add));
        return m;
    }

    private static List<Row> rows(Map<String, Level> levels, Function<String, PortfolioLabels.Label> label) {
        return levels.values().stream()
                .sorted(Comparator.comparing((Level l) -> l.outstanding).reversed()
                        .thenComparing(l -> l.grantedAmount, Comparator.reverseOrder())
                        .thenComparing(l -> l.key))
                .map(l -> l.row(label.apply(l.key)))
                .toList();
    }

    /** Sums of one level. */
    private static final class Level {
        final String key;
        long grantedLoans;
        BigDecimal grantedAmount = BigDecimal.ZERO;
        final Set<String> grantedFirms = new HashSet<>();
        long outstandingLoans;
        BigDecimal outstanding = BigDecimal.ZERO;
        final Set<String> outstandingFirms = new HashSet<>();
        long nonPerformingLoans;
        BigDecimal nonPerforming = BigDecimal.ZERO;

        Level(String key) {
            this.key = key;
        }

        void add(LoanOnDay l, boolean granted, BigDecimal principalPart, BigDecimal outstandingPart) {
            if (granted) {
                grantedLoans++;
                grantedAmount = grantedAmount.add(principalPart);
                grantedFirms.add(l.loan().creditCode());
            }
            if (l.inBook()) {
                outstandingLoans++;
                outstanding = outstanding.add(outstandingPart);
                outstandingFirms.add(l.loan().creditCode());
                if (l.nonPerforming()) {
                    nonPerformingLoans++;
                    nonPerforming = nonPerforming.add(outstandingPart);
                }
            }
        }

        Row row(PortfolioLabels.Label name) {
            return new Row(key, name == null ? null : name.zh(), name == null ? null : name.en(), grantedLoans,
                    money(grantedAmount), grantedFirms.size(), outstandingLoans, money(outstanding),
                    outstandingFirms.size(), nonPerformingLoans, money(nonPerforming), ratio(nonPerforming, outstanding));
        }
    }
}
