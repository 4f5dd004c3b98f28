package com.ipledge.service.loan.schedule;

import com.ipledge.service.loan.schedule.RepaymentInputException.FieldProblem;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The monthly repayment schedule of one loan: its lines in instalment order, the loan principal, the annual rate
 * and the product type. Immutable; the principal of the lines always sums to {@link #principal()} exactly. After
 * an early repayment (see {@link RepaymentAllocation}) the same principal amounts stand and only the interest of
 * the future lines changes, so a schedule rebuilt from {@code schedule_line} rows passes the same checks.
 *
 * @param lines      instalments, seq 1..n, due dates increasing (a prepayment's settled line may share its date
 *                   with the instalment paid that day)
 * @param principal  the loan principal, yuan, 2 decimals, positive
 * @param annualRate nominal annual interest rate as a decimal (0.0435 means 4.35% p.a.), in [0, 1]
 * @param type       the product type that generated the lines
 */
public record RepaymentSchedule(List<ScheduleLine> lines, BigDecimal principal, BigDecimal annualRate,
                                RepaymentType type) {

    /** Version of the arithmetic below; store it with a schedule so a changed rule never rewrites old loans silently. */
    public static final String ARITHMETIC_VERSION = "schedule-arithmetic/1";

    /** Longest term accepted: 30 years. IP-pledge loans run 1 to 3 years; more is a typo. */
    public static final int MAX_TERM_MONTHS = 360;

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    public RepaymentSchedule {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(annualRate, "annualRate");
        principal = Fen.exact(principal, "principal");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one line");
        }
        BigDecimal sum = Fen.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            ScheduleLine line = lines.get(i);
            if (line.seq() != i + 1) {
                throw new IllegalArgumentException("line " + (i + 1) + " carries seq " + line.seq());
            }
            // a prepayment's settled line may share its value date with an instalment (paid the same day)
            if (i > 0 && line.dueOn().isBefore(lines.get(i - 1).dueOn())) {
                throw new IllegalArgumentException("line " + line.seq() + " is due before line " + i);
            }
            sum = sum.add(line.principal());
        }
        if (sum.compareTo(principal) != 0) {
            throw new IllegalArgumentException("line principal sums to " + sum + ", not to the principal " + principal);
        }
    }

    /**
     * Generates the schedule whose first instalment falls due on {@code firstDueOn}; instalment k falls due k - 1
     * months later on the same day of the month, clamped to the month's end (31 Jan -> 29 Feb -> 31 Mar).
     *
     * @throws RepaymentInputException naming {@code principal}, {@code annualRate}, {@code termMonths},
     *                                 {@code firstDueOn} or {@code type}
     */
    public static RepaymentSchedule of(BigDecimal principal, BigDecimal annualRate, int termMonths,
                                       LocalDate firstDueOn, RepaymentType type) {
        List<FieldProblem> problems = check(principal, annualRate, termMonths, type);
        if (firstDueOn == null) {
            problems.add(new FieldProblem("firstDueOn", "is required"));
        }
        RepaymentInputException.throwIfAny(problems);
        return generate(principal, annualRate, termMonths, firstDueOn, 0, type);
    }

    /**
     * Generates the schedule of a loan disbursed on {@code disbursedOn}: instalment k falls due k months after
     * disbursement on the same day of the month, clamped to the month's end (disbursed 31 Jan: 29 Feb, 31 Mar, ...).
     *
     * @throws RepaymentInputException naming {@code principal}, {@code annualRate}, {@code termMonths},
     *                                 {@code disbursedOn} or {@code type}
     */
    public static RepaymentSchedule fromDisbursement(BigDecimal principal, BigDecimal annualRate, int termMonths,
                                                     LocalDate disbursedOn, RepaymentType type) {
        List<FieldProblem> problems = check(principal, annualRate, termMonths, type);
        if (disbursedOn == null) {
            problems.add(new FieldProblem("disbursedOn", "is required"));
        }
        RepaymentInputException.throwIfAny(problems);
        return generate(principal, annualRate, termMonths, disbursedOn, 1, type);
    }

    /**
     * The level instalment of {@link RepaymentType#EQUAL_INSTALMENTS}: {@code P r / (1 - (1 + r)^-n)} with
     * {@code r = annualRate / 12}, evaluated in {@link MathContext#DECIMAL128} and rounded half-up to the fen. With
     * {@code r = 0} it is {@code P / n} rounded DOWN to the fen, so the last line (which takes the remainder) is
     * never smaller than the others.
     *
     * @throws RepaymentInputException naming {@code principal}, {@code annualRate} or {@code termMonths}
     */
    public static BigDecimal levelPayment(BigDecimal principal, BigDecimal annualRate, int termMonths) {
        RepaymentInputException.throwIfAny(check(principal, annualRate, termMonths, RepaymentType.EQUAL_INSTALMENTS));
        BigDecimal r = monthlyRate(annualRate);
        if (r.signum() == 0) {
            return principal.divide(BigDecimal.valueOf(termMonths), 2, RoundingMode.DOWN);
        }
        BigDecimal discount = BigDecimal.ONE.add(r).pow(-termMonths, MC);
        return Fen.round(principal.multiply(r, MC).divide(BigDecimal.ONE.subtract(discount, MC), MC));
    }

    /** {@code annualRate / 12} in {@link MathContext#DECIMAL128}. */
    public static BigDecimal monthlyRate(BigDecimal annualRate) {
        return annualRate.divide(TWELVE, MC);
    }

    /** {@code annualRate / 12} of this schedule. */
    public BigDecimal monthlyRate() {
        return monthlyRate(annualRate);
    }

    /**
     * One month's interest on {@code balance}: {@code round(balance x r, 2, HALF_UP)}, the product taken exactly so
     * that only one rounding happens.
     */
    public BigDecimal interestOn(BigDecimal balance) {
        return Fen.round(balance.multiply(monthlyRate()));
    }

    public int termMonths() {
        return lines.size();
    }

    /** The line with instalment number {@code seq} (1-based). */
    public ScheduleLine line(int seq) {
        if (seq < 1 || seq > lines.size()) {
            throw new IllegalArgumentException("no line " + seq + " in a schedule of " + lines.size());
        }
        return lines.get(seq - 1);
    }

    /**
     * Principal scheduled on line {@code seq} and every later line: the balance the line's interest is charged on
     * when the schedule is generated. After an early repayment the interest follows the principal still unpaid
     * instead (see {@link RepaymentAllocation}).
     */
    public BigDecimal openingBalance(int seq) {
        line(seq);
        BigDecimal balance = Fen.ZERO;
        for (int i = seq - 1; i < lines.size(); i++) {
            balance = balance.add(lines.get(i).principal());
        }
        return balance;
    }

    public BigDecimal totalPrincipal() {
        return lines.stream().map(ScheduleLine::principal).reduce(Fen.ZERO, BigDecimal::add);
    }

    public BigDecimal totalInterest() {
        return lines.stream().map(ScheduleLine::interest).reduce(Fen.ZERO, BigDecimal::add);
    }

    /** Everything the borrower pays over the life of the schedule. */
    public BigDecimal total() {
        return totalPrincipal().add(totalInterest());
    }

    private static List<FieldProblem> check(BigDecimal principal, BigDecimal annualRate, int termMonths,
                                            RepaymentType type) {
        List<FieldProblem> problems = new ArrayList<>();
        if (principal == null) {
            problems.add(new FieldProblem("principal", "is required"));
        } else if (principal.signum() <= 0) {
            problems.add(new FieldProblem("principal", "must be greater than 0"));
        } else if (Fen.hasMoreThanTwoDecimals(principal)) {
            problems.add(new FieldProblem("principal", "must have at most 2 decimals (yuan and fen)"));
        }
        if (annualRate == null) {
            problems.add(new FieldProblem("annualRate", "is required"));
        } else if (annualRate.signum() < 0 || annualRate.compareTo(BigDecimal.ONE) > 0) {
            problems.add(new FieldProblem("annualRate",
                    "must be a decimal between 0 and 1 (0.0435 means 4.35% a year), was " + annualRate.toPlainString()));
        }
        if (termMonths < 1 || termMonths > MAX_TERM_MONTHS) {
            problems.add(new FieldProblem("termMonths", "must be between 1 and " + MAX_TERM_MONTHS));
        }
        if (type == null) {
            problems.add(new FieldProblem("type", "is required"));
        }
        return problems;
    }

    /** Line k falls due {@code anchor + (k - 1 + firstOffset)} months; plusMonths clamps to the month's end. */
    private static RepaymentSchedule generate(BigDecimal principal, BigDecimal annualRate, int termMonths,
                                              LocalDate anchor, int firstOffset, RepaymentType type) {
        BigDecimal p = principal.setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal r = monthlyRate(annualRate);
        PrincipalRule rule = type == RepaymentType.EQUAL_INSTALMENTS
                ? equalInstalments(levelPayment(p, annualRate, termMonths))
                : (balance, interest) -> Fen.ZERO;
        List<ScheduleLine> lines = new ArrayList<>(termMonths);
        BigDecimal balance = p;
        for (int k = 1; k <= termMonths; k++) {
            BigDecimal interest = Fen.round(balance.multiply(r));
            // the last line repays whatever is left, so the lines' principal sums to P exactly
            BigDecimal linePrincipal = k == termMonths ? balance : rule.principal(balance, interest);
            lines.add(new ScheduleLine(k, anchor.plusMonths(k - 1L + firstOffset), linePrincipal, interest));
            balance = balance.subtract(linePrincipal);
        }
        return new RepaymentSchedule(lines, p, annualRate, type);
    }

    /**
     * Lines that amortise {@code balance} from {@code firstSeq} on, one per date of {@code dueDates} at most: each
     * line's interest is {@code round(opening balance x r, 2, HALF_UP)}; an equal-instalment line repays
     * {@code payment} less its interest (never more than the balance), an interest-only line nothing but the last;
     * the lines stop once the balance is repaid, and the last date's line repays whatever is left, so the lines'
     * principal sums to {@code balance} exactly. The plan after a prepayment (see {@link PrepaymentMode}).
     */
    static List<ScheduleLine> amortise(BigDecimal balance, BigDecimal annualRate, RepaymentType type,
                                       List<LocalDate> dueDates, BigDecimal payment, int firstSeq) {
        BigDecimal r = monthlyRate(annualRate);
        PrincipalRule rule = type == RepaymentType.EQUAL_INSTALMENTS
                ? equalInstalments(payment)
                : (open, interest) -> Fen.ZERO;
        List<ScheduleLine> lines = new ArrayList<>(dueDates.size());
        BigDecimal open = balance;
        for (int k = 0; k < dueDates.size() && open.signum() > 0; k++) {
            BigDecimal interest = Fen.round(open.multiply(r));
            BigDecimal linePrincipal = k == dueDates.size() - 1 ? open : rule.principal(open, interest).max(Fen.ZERO);
            lines.add(new ScheduleLine(firstSeq + k, dueDates.get(k), linePrincipal, interest));
            open = open.subtract(linePrincipal);
        }
        return lines;
    }

    /** The principal a line other than the last repays, given the opening balance and the line's interest. */
    private interface PrincipalRule {
        BigDecimal principal(BigDecimal balance, BigDecimal interest);
    }

    /**
     * The level instalment less the month's interest. Rounding can leave the instalment a few fen above what an
     * almost repaid tiny loan still owes; a line never repays more than the balance, so it never turns negative.
     */
    private static PrincipalRule equalInstalments(BigDecimal payment) {
        return (balance, interest) -> payment.subtract(interest).min(balance);
    }
}
