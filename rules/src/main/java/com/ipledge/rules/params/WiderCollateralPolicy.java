package com.ipledge.rules.params;

import com.ipledge.rules.IpType;
import com.ipledge.rules.engine.Checks;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy for the kinds of collateral added after the first five (issue 18): registered works, software and
 * data-IP certificates. Kept apart from {@link LimitPolicy} and {@link CollateralPolicy} so that parameter versions
 * stored before these types existed still read (they get {@link #defaults()}).
 *
 * @param ltvCaps               cap on (lending value / collateral value) per new type name and value grade
 * @param minRemainingLifeYears due-diligence minimum of protection (validity for data IP) left per new type name
 * @param deskDefaults          what a desk valuation assumes per new type name when the bank has none of its own
 * @param lifeMarginYears       the protection or validity left must exceed the loan term by this much; smaller than
 *                              a patent's margin because a data-IP certificate is granted for a few years only
 */
public record WiderCollateralPolicy(Map<String, Map<String, BigDecimal>> ltvCaps,
                                    Map<String, BigDecimal> minRemainingLifeYears,
                                    Map<String, DeskDefaults> deskDefaults, BigDecimal lifeMarginYears) {

    /** The types this policy covers, in the order the enums list them. */
    public static final List<IpType> TYPES = List.of(IpType.COPYRIGHT, IpType.SOFTWARE_COPYRIGHT, IpType.DATA_IP);

    /**
     * A desk valuation's assumptions for one type.
     *
     * @param revenueShare share of the borrower's operating revenue attributed to the right
     * @param royaltyRate  mean royalty rate (relief from royalty)
     * @param royaltySd    its standard deviation
     * @param lifeMin      economic life, triangular minimum (years)
     * @param lifeMode     economic life, most likely
     * @param lifeMax      economic life, maximum; the legal term or a certificate's validity caps all three
     */
    public record DeskDefaults(BigDecimal revenueShare, BigDecimal royaltyRate, BigDecimal royaltySd,
                               BigDecimal lifeMin, BigDecimal lifeMode, BigDecimal lifeMax) {
    }

    /**
     * Market practice where these are lent against (software-copyright loans in Guangdong and Jiangsu, data-IP
     * loans in Zhejiang and Beijing): software at about patent-like caps, registered works a little lower, data-IP
     * certificates (young, valid 3 years) lowest. Software ages fast (life 2-6 years) however long its copyright.
     */
    public static WiderCollateralPolicy defaults() {
        Map<String, Map<String, BigDecimal>> caps = new LinkedHashMap<>();
        caps.put("COPYRIGHT", grades("0.25", "0.20", "0.15", "0.05"));
        caps.put("SOFTWARE_COPYRIGHT", grades("0.30", "0.25", "0.20", "0.10"));
        caps.put("DATA_IP", grades("0.20", "0.15", "0.10", "0.05"));
        Map<String, BigDecimal> life = new LinkedHashMap<>();
        life.put("COPYRIGHT", new BigDecimal("5"));
        life.put("SOFTWARE_COPYRIGHT", new BigDecimal("5"));
        life.put("DATA_IP", new BigDecimal("1"));
        Map<String, DeskDefaults> desk = new LinkedHashMap<>();
        desk.put("COPYRIGHT", desk("0.10", "0.03", "0.01", "3", "5", "8"));
        desk.put("SOFTWARE_COPYRIGHT", desk("0.20", "0.05", "0.015", "2", "4", "6"));
        desk.put("DATA_IP", desk("0.10", "0.02", "0.0075", "1", "2", "3"));
        return new WiderCollateralPolicy(caps, life, desk, new BigDecimal("0.5"));
    }

    /** Whether {@code type} takes its numbers from this policy. */
    public static boolean covers(IpType type) {
        return TYPES.contains(type);
    }

    /** The due-diligence minimum for {@code type}, zero when none is configured. */
    public BigDecimal minRemainingLife(IpType type) {
        return minRemainingLifeYears.getOrDefault(type.name(), BigDecimal.ZERO);
    }

    public DeskDefaults deskDefaults(IpType type) {
        return deskDefaults.get(type.name());
    }

    void check(String p, Checks checks, List<String> gradeNames, BigDecimal ecoLtvBonus) {
        checks.nonNegative(p + "lifeMarginYears", lifeMarginYears);
        if (checks.present(p + "ltvCaps", ltvCaps)) {
            for (IpType type : TYPES) {
                Map<String, BigDecimal> byGrade = ltvCaps.get(type.name());
                if (byGrade == null) {
                    checks.add(p + "ltvCaps." + type.name(), "is required");
                    continue;
                }
                for (String grade : gradeNames) {
                    String field = p + "ltvCaps." + type.name() + "." + grade;
                    checks.fraction(field, byGrade.get(grade));
                    if (byGrade.get(grade) != null && ecoLtvBonus != null
                            && byGrade.get(grade).add(ecoLtvBonus).compareTo(BigDecimal.ONE) > 0) {
                        checks.add(field, "plus ecoLtvBonus must not exceed 1");
                    }
                }
            }
            unknownKeys(p + "ltvCaps.", ltvCaps, checks);
        }
        if (checks.present(p + "minRemainingLifeYears", minRemainingLifeYears)) {
            for (IpType type : TYPES) {
                if (checks.present(p + "minRemainingLifeYears." + type.name(),
                        minRemainingLifeYears.get(type.name()))) {
                    checks.nonNegative(p + "minRemainingLifeYears." + type.name(),
                            minRemainingLifeYears.get(type.name()));
                }
            }
            unknownKeys(p + "minRemainingLifeYears.", minRemainingLifeYears, checks);
        }
        if (checks.present(p + "deskDefaults", deskDefaults)) {
            for (IpType type : TYPES) {
                String d = p + "deskDefaults." + type.name();
                DeskDefaults x = deskDefaults.get(type.name());
                if (!checks.present(d, x)) {
                    continue;
                }
                checks.fraction(d + ".revenueShare", x.revenueShare());
                checks.fraction(d + ".royaltyRate", x.royaltyRate());
                checks.nonNegative(d + ".royaltySd", x.royaltySd());
                checks.positive(d + ".lifeMin", x.lifeMin());
                checks.positive(d + ".lifeMode", x.lifeMode());
                checks.positive(d + ".lifeMax", x.lifeMax());
                if (x.lifeMin() != null && x.lifeMode() != null && x.lifeMax() != null
                        && (x.lifeMin().compareTo(x.lifeMode()) > 0 || x.lifeMode().compareTo(x.lifeMax()) > 0)) {
                    checks.add(d + ".lifeMode", "must lie between lifeMin and lifeMax");
                }
                if (x.lifeMax() != null && x.lifeMax().compareTo(new BigDecimal("50")) > 0) {
                    checks.add(d + ".lifeMax", "must be at most 50 years");
                }
            }
            unknownKeys(p + "deskDefaults.", deskDefaults, checks);
        }
    }

    private static void unknownKeys(String p, Map<String, ?> map, Checks checks) {
        map.keySet().stream().filter(k -> TYPES.stream().noneMatch(t -> t.name().equals(k)))
                .forEach(k -> checks.add(p + k, "is not one of " + TYPES));
    }

    private static Map<String, BigDecimal> grades(String a, String b, String c, String d) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put("A", new BigDecimal(a));
        m.put("B", new BigDecimal(b));
        m.put("C", new BigDecimal(c));
        m.put("D", new BigDecimal(d));
        return m;
    }

    private static DeskDefaults desk(String share, String royalty, String sd, String min, String mode, String max) {
        return new DeskDefaults(new BigDecimal(share), new BigDecimal(royalty), new BigDecimal(sd),
                new BigDecimal(min), new BigDecimal(mode), new BigDecimal(max));
    }
}
