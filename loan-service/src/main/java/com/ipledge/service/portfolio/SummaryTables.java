package com.ipledge.service.portfolio;

import com.ipledge.service.portfolio.PortfolioSummary.ExposureRow;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.security.Caller;
import com.ipledge.service.spreadsheet.Table;
import com.ipledge.service.spreadsheet.Workbooks;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The summary's tables as XLSX, the twin of {@code summary.csv?table=}: the same rows and values as the CSV file
 * (money in yuan, shares as decimals shown as percentages), with Chinese headings and the data's date in the file.
 */
@Singleton
public class SummaryTables {
    private final PortfolioSummaries summaries;

    SummaryTables(PortfolioSummaries summaries) {
        this.summaries = summaries;
    }

    /** @throws InvalidInput on {@code table} when it is not one of {@link PortfolioCsv#TABLES} */
    public PortfolioCsv.Export xlsx(Caller caller, String table) {
        if (table == null || !PortfolioCsv.TABLES.contains(table)) {
            throw InvalidInput.of("table", "must be one of " + String.join(", ", PortfolioCsv.TABLES)
                    + (table == null ? "" : ", was '" + table + "'"));
        }
        PortfolioSummary s = summaries.summary(caller);
        byte[] bytes = Workbooks.xlsx("数据日期 " + s.asOf(), List.of(table(s, table)));
        return new PortfolioCsv.Export("portfolio-" + table + "-" + s.asOf() + ".xlsx", bytes);
    }

    static Table table(PortfolioSummary s, String table) {
        List<Table.Column> exposure = List.of(Table.count("在贷笔数"), Table.money("敞口（元）"), Table.share("占比"),
                Table.money("预期损失（元）"), Table.count("违约笔数"), Table.money("违约敞口（元）"));
        List<List<Object>> rows = new ArrayList<>();
        return switch (table) {
            case "byBank" -> {
                s.byBank().forEach(r -> rows.add(concat(Arrays.asList(r.key(), r.id(), r.nameZh()), values(r))));
                yield new Table("按银行", "按银行", concat(List.of(Table.text("银行代码"), Table.text("银行ID"),
                        Table.text("银行名称")), exposure), rows);
            }
            case "byRegion" -> {
                s.byRegion().forEach(r -> rows.add(concat(Arrays.asList(r.key(), r.prefecture(), r.nameZh(),
                        r.nameEn()), values(r))));
                yield new Table("按地区", "按地区", concat(List.of(Table.text("地区代码"), Table.text("市州代码"),
                        Table.text("名称"), Table.text("英文名称")), exposure), rows);
            }
            case "byIndustry", "byEcoIndustry", "byIpType" -> {
                List<ExposureRow> levels = table.equals("byIndustry") ? s.byIndustry()
                        : table.equals("byIpType") ? s.byIpType() : s.byEcoIndustry();
                levels.forEach(r -> rows.add(concat(Arrays.asList(r.key(), r.nameZh(), r.nameEn()), values(r))));
                String key = table.equals("byIndustry") ? "行业门类" : table.equals("byIpType") ? "知识产权类型"
                        : "生态产业";
                yield new Table("按" + key, "按" + key, concat(List.of(Table.text(key), Table.text("名称"),
                        Table.text("英文名称")), exposure), rows);
            }
            case "quota" -> {
                s.quota().forEach(q -> rows.add(List.of(q.bankCode(), q.bankName(), q.year(), q.segment(),
                        q.amount(), q.reserved(), q.drawn(), q.available(), q.utilisation())));
                yield new Table("额度", "额度使用", List.of(Table.text("银行代码"), Table.text("银行名称"),
                        Table.text("年度"), Table.text("类别"), Table.money("额度（元）"), Table.money("已预留（元）"),
                        Table.money("已提用（元）"), Table.money("可用（元）"), Table.share("使用率")), rows);
            }
            default -> {
                s.trends().forEach(t -> rows.add(List.of(t.month(), t.disbursedCount(), t.disbursedAmount())));
                yield new Table("月度发放", "近十二个月发放", List.of(Table.text("月份"), Table.count("发放笔数"),
                        Table.money("发放金额（元）")), rows);
            }
        };
    }

    private static List<Object> values(ExposureRow r) {
        return List.of(r.loans(), r.exposure(), r.share(), r.expectedLoss(), r.defaultedLoans(),
                r.defaultedExposure());
    }

    private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
