package com.ipledge.service.loan.schedule;

import com.ipledge.service.loan.schedule.RepaymentInputException.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one repayment ({@code POST /loans/{id}/repayments {amount, paidOn}}) is split over a schedule, and the state
 * of the schedule afterwards.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li><b>Due lines first.</b> Every line due on or before {@code paidOn}, oldest first, takes the payment: first its
 *       unpaid interest, then its unpaid principal, before the next line gets anything. A payment that runs out
 *       part-way leaves the rest of that line (and the later due lines) outstanding.</li>
 *   <li><b>Early repayment.</b> Whatever remains once every due line is settled repays principal of the future lines
 *       (due after {@code paidOn}) starting from the LAST line backwards, so the term shortens: the last lines are
 *       settled first. The principal amounts in the schedule stay as they were; the prepaid principal is recorded as
 *       {@code principalPaid} of those lines.</li>
 *   <li><b>Interest of future lines is recomputed</b> (only when part of the payment was an early repayment) as
 *       {@code round(openingBalance x r, 2, HALF_UP)}, where a future line's opening balance is the principal still
 *       unpaid on it and on every later line. No interest accrues on the prepaid principal for the broken period
 *       in which the prepayment falls: the line due next is recomputed on the reduced balance as a whole.</li>
 * </ol>
 *
 * <p><b>Equal instalments after an early repayment.</b> The instalments stop being level. Each remaining future line
 * keeps its scheduled principal, except the line where the prepayment stopped, whose unpaid principal is reduced, and
 * the lines after it, which are settled (principal fully paid, interest 0.00). The interest of each remaining line is
 * {@code round((B_k - A) x r, 2)} instead of {@code round(B_k x r, 2)} (B_k its old opening balance, A the principal
 * prepaid so far from the later lines), so every remaining instalment falls by about {@code A x r} and the loan ends
 * on the due date of the line where the prepayment stopped. The bank's monthly debit therefore drops slightly and
 * the borrower is done earlier; the instalment is not re-levelled over the original term.
 *
 * <p><b>Interest-only bullet after an early repayment.</b> The prepayment reduces the bullet (the last line's
 * principal); every remaining line's interest becomes {@code round((P - A) x r, 2)}.
 *
 * <p><b>Full early payoff.</b> Paying exactly {@link #payoffAmount} (the unpaid interest and principal of the lines due
 * up to {@code paidOn} plus all unpaid principal of the future lines) settles every line; the future lines' interest
 * is recomputed on a zero balance, so no future interest is charged, and {@link #fullyRepaid()} is true.
 *
 * <p><b>Rejected.</b> A missing, zero or negative {@code amount}, one with more than 2 decimals, an amount above
 * {@link #payoffAmount} (including any amount on a fully repaid loan), a missing {@code paidOn}, and a
 * {@code paidOn} before the due date of a line whose interest is already paid (repayments must be applied in date
 * order). Each raises {@link RepaymentInputException} naming the field.
 *
 * <p><b>Out of scope.</b> Overdue handling: no penalty interest (罚息) or compound interest is charged on a line paid
 * after its due date; it is settled at its scheduled amounts. Note also that, by rule 2, money paid a few days
 * BEFORE a due date is an early repayment of principal, not a settlement of the coming instalment: the service
 * decides which date a payment carries.
 *
 * @param amount               the repayment, yuan, 2 decimals
 * @param paidOn               the value date of the repayment
 * @param interestPaid         the part of {@code amount} that paid interest
 * @param principalPaid        the part of {@code amount} that paid principal (due and early together)
 * @param prepaidPrincipal     the part of {@code principalPaid} that was an early repayment of future lines
 * @param outstandingPrincipal principal still unpaid on the whole schedule after this repayment
 * @param fullyRepaid          true when nothing (principal or interest) remains unpaid on any line
 * @param allocations          this repayment's split over the lines it touched, in the order it was applied: due lines
 *                             oldest first, then future lines last first
 * @param schedule             the schedule after this repayment (future interest recomputed after an early repayment)
 * @param paid                 running paid amounts after this repayment, one entry per line, in seq order
 */
public record RepaymentAllocation(BigDecimal amount, LocalDate paidOn, BigDecimal interestPaid, BigDecimal principalPaid,
                                  BigDecimal prepaidPrincipal, BigDecimal outstandingPrincipal, boolean fullyRepaid,
                                  List<LinePayment> allocations, RepaymentSchedule schedule, List<LinePayment> paid) {

    public RepaymentAllocation {
        allocations = List.copyOf(allocations);
        paid = List.copyOf(paid);
    }

    /**
     * Applies a repayment of {@code amount} on {@code paidOn} to {@code schedule}, whose lines have already received
     * {@code alreadyPaid} (running totals; at most one entry per line, a missing line has nothing paid).
     *
     * @throws RepaymentInputException  naming {@code amount} or {@code paidOn} (see the class comment)
     * @throws IllegalArgumentException if {@code alreadyPaid} does not fit the schedule (unknown or repeated seq, more
     *                                  paid than scheduled): stored state is corrupt, not the client's fault
     */
    public static RepaymentAllocation allocate(RepaymentSchedule schedule, List<LinePayment> alreadyPaid,
                                               BigDecimal amount, LocalDate paidOn) {
        return allocate(schedule, alreadyPaid, amount, paidOn, null);
    }

    /**
     * As {@link #allocate(RepaymentSchedule, List, BigDecimal, LocalDate)}, but an early repayment re-plans the
     * future lines as {@code mode} says (null: rule 2 of the class comment). With a mode, the prepaid principal
     * becomes a settled line due on {@code paidOn} (interest 0.00), and the lines due after {@code paidOn} are
     * replaced by a new plan whose principal adds up to the outstanding balance exactly; their due dates are the
     * old lines' dates, from the first on. A prepayment that pays the loan off settles every line as without a mode.
     *
     * @throws RepaymentInputException also naming {@code prepaymentMode} ({@link PrepaymentMode#SHORTEN_TERM} of an
     *                                 interest-only loan, whose principal is due at maturity anyway)
     */
    public static RepaymentAllocation allocate(RepaymentSchedule schedule, List<LinePayment> alreadyPaid,
                                               BigDecimal amount, LocalDate paidOn, PrepaymentMode mode) {
        Objects.requireNonNull(schedule, "schedule");
        Ledger ledger = new Ledger(schedule, alreadyPaid);
        List<FieldProblem> problems = new ArrayList<>();
        if (amount == null) {
            problems.add(new FieldProblem("amount", "is required"));
        } else if (amount.signum() <= 0) {
            problems.add(new FieldProblem("amount", "must be greater than 0"));
        } else if (Fen.hasMoreThanTwoDecimals(amount)) {
            problems.add(new FieldProblem("amount", "must have at most 2 decimals (yuan and fen)"));
        }
        if (paidOn == null) {
            problems.add(new FieldProblem("paidOn", "is required"));
        } else {
            ledger.firstFutureLineWithInterestPaid(paidOn).ifPresent(line -> problems.add(new FieldProblem("paidOn",
                    "is before " + line.dueOn() + ", the due date of instalment " + line.seq()
                            + ", which is already paid: apply repayments in date order")));
        }
        if (mode == PrepaymentMode.SHORTEN_TERM && schedule.type() == RepaymentType.INTEREST_ONLY_BULLET) {
            problems.add(new FieldProblem("prepaymentMode", "SHORTEN_TERM needs an equal-instalment loan; an "
                    + "interest-only loan repays its principal at maturity, so a prepayment lowers its interest "
                    + "(REDUCE_INSTALMENT)"));
        }
        RepaymentInputException.throwIfAny(problems);

        BigDecimal payoff = ledger.payoffAmount(paidOn);
        if (amount.compareTo(payoff) > 0) {
            String message = payoff.signum() == 0
                    ? "the loan is already fully repaid"
                    : "must not exceed " + payoff.toPlainString() + " yuan, the interest and principal due up to "
                    + paidOn + " plus all outstanding principal (" + amount.toPlainString() + " given)";
            throw new RepaymentInputException(List.of(new FieldProblem("amount", message)));
        }
        return ledger.apply(Fen.exact(amount, "amount"), paidOn, amount.compareTo(payoff) < 0 ? mode : null);
    }

    /**
     * What settles the loan on {@code paidOn}: unpaid interest and principal of every line due on or before
     * {@code paidOn}, plus the unpaid principal of every later line (no future interest). Zero for a repaid loan.
     */
    public static BigDecimal payoffAmount(RepaymentSchedule schedule, List<LinePayment> alreadyPaid,
                                          LocalDate paidOn) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(paidOn, "paidOn");
        return new Ledger(schedule, alreadyPaid).payoffAmount(paidOn);
    }

    /** The running paid amounts of a schedule as mutable arrays, for one allocation. */
    private static final class Ledger {
        private final RepaymentSchedule schedule;
        private final BigDecimal[] principalPaid;
        private final BigDecimal[] interestPaid;

        Ledger(RepaymentSchedule schedule, List<LinePayment> alreadyPaid) {
            Objects.requireNonNull(alreadyPaid, "alreadyPaid");
            this.schedule = schedule;
            int n = schedule.termMonths();
            principalPaid = new BigDecimal[n];
            interestPaid = new BigDecimal[n];
            for (LinePayment payment : alreadyPaid) {
                if (payment.seq() > n) {
                    throw new IllegalArgumentException("payment for line " + payment.seq() + " of a schedule of " + n);
                }
                int i = payment.seq() - 1;
                if (principalPaid[i] != null) {
                    throw new IllegalArgumentException("two running totals for line " + payment.seq());
                }
                ScheduleLine line = schedule.line(payment.seq());
                if (payment.principalPaid().compareTo(line.principal()) > 0
                        || payment.interestPaid().compareTo(line.interest()) > 0) {
                    throw new IllegalArgumentException("line " + line.seq() + " is paid " + payment.principalPaid()
                            + " / " + payment.interestPaid() + ", more than its " + line.principal() + " / "
                            + line.interest());
                }
                principalPaid[i] = payment.principalPaid();
                interestPaid[i] = payment.interestPaid();
            }
            for (int i = 0; i < n; i++) {
                if (principalPaid[i] == null) {
                    principalPaid[i] = Fen.ZERO;
                    interestPaid[i] = Fen.ZERO;
                }
            }
        }

        /** Interest is only ever paid on due lines, so interest paid on a line due after paidOn means a back-dated payment. */
        Optional<ScheduleLine> firstFutureLineWithInterestPaid(LocalDate paidOn) {
            return schedule.lines().stream()
                    .filter(line -> line.dueOn().isAfter(paidOn) && interestPaid[line.seq() - 1].signum() > 0)
                    .min(Comparator.comparingInt(ScheduleLine::seq));
        }

        BigDecimal payoffAmount(LocalDate paidOn) {
            BigDecimal payoff = Fen.ZERO;
            for (ScheduleLine line : schedule.lines()) {
                payoff = payoff.add(unpaidPrincipal(line));
                if (isDue(line, paidOn)) {
                    payoff = payoff.add(unpaidInterest(line));
                }
            }
            return payoff;
        }

        RepaymentAllocation apply(BigDecimal amount, LocalDate paidOn, PrepaymentMode mode) {
            List<LinePayment> allocations = new ArrayList<>();
            BigDecimal remaining = amount;
            BigDecimal interestTotal = Fen.ZERO;
            BigDecimal principalTotal = Fen.ZERO;
            List<ScheduleLine> lines = schedule.lines();

            for (ScheduleLine line : lines) {
                if (!isDue(line, paidOn) || remaining.signum() == 0) {
                    continue;
                }
                int i = line.seq() - 1;
                BigDecimal interest = remaining.min(unpaidInterest(line));
                remaining = remaining.subtract(interest);
                BigDecimal principal = remaining.min(unpaidPrincipal(line));
                remaining = remaining.subtract(principal);
                if (interest.signum() > 0 || principal.signum() > 0) {
                    interestPaid[i] = interestPaid[i].add(interest);
                    principalPaid[i] = principalPaid[i].add(principal);
                    interestTotal = interestTotal.add(interest);
                    principalTotal = principalTotal.add(principal);
                    allocations.add(new LinePayment(line.seq(), principal, interest));
                }
            }

            // Whatever is left can only be here if every due line is settled (payoff check): an early repayment.
            BigDecimal prepaid = remaining;
            if (mode != null && prepaid.signum() > 0) {
                return replan(amount, paidOn, mode, prepaid, allocations, interestTotal,
                        principalTotal.add(prepaid));
            }
            for (int i = lines.size() - 1; i >= 0 && remaining.signum() > 0; i--) {
                ScheduleLine line = lines.get(i);
                BigDecimal principal = remaining.min(unpaidPrincipal(line));
                if (principal.signum() > 0) {
                    remaining = remaining.subtract(principal);
                    principalPaid[i] = principalPaid[i].add(principal);
                    allocations.add(new LinePayment(line.seq(), principal, Fen.ZERO));
                }
            }
            principalTotal = principalTotal.add(prepaid);

            RepaymentSchedule after = prepaid.signum() > 0 ? withFutureInterestRecomputed(paidOn) : schedule;
            BigDecimal outstanding = Fen.ZERO;
            BigDecimal unpaid = Fen.ZERO;
            List<LinePayment> paid = new ArrayList<>(lines.size());
            for (ScheduleLine line : after.lines()) {
                int i = line.seq() - 1;
                outstanding = outstanding.add(line.principal().subtract(principalPaid[i]));
                unpaid = unpaid.add(line.total()).subtract(principalPaid[i]).subtract(interestPaid[i]);
                paid.add(new LinePayment(line.seq(), principalPaid[i], interestPaid[i]));
            }
            return new RepaymentAllocation(amount, paidOn, interestTotal, principalTotal, prepaid, outstanding,
                    unpaid.signum() == 0, allocations, after, paid);
        }

        /**
         * The due lines as they stand (all settled), a settled line on {@code paidOn} carrying the principal the
         * future lines no longer hold, and the new plan over the balance left, on the future lines' dates.
         */
        private RepaymentAllocation replan(BigDecimal amount, LocalDate paidOn, PrepaymentMode mode,
                                           BigDecimal prepaid, List<LinePayment> allocations,
                                           BigDecimal interestTotal, BigDecimal principalTotal) {
            List<ScheduleLine> kept = new ArrayList<>();
            List<LocalDate> futureDates = new ArrayList<>();
            BigDecimal futurePrincipal = Fen.ZERO;
            BigDecimal futureUnpaid = Fen.ZERO;
            for (ScheduleLine line : schedule.lines()) {
                if (isDue(line, paidOn)) {
                    kept.add(line);
                } else {
                    futureDates.add(line.dueOn());
                    futurePrincipal = futurePrincipal.add(line.principal());
                    futureUnpaid = futureUnpaid.add(unpaidPrincipal(line));
                }
            }
            BigDecimal balance = futureUnpaid.subtract(prepaid);
            // the instalment the next line asks for today: the one a shortened term keeps paying
            BigDecimal instalment = schedule.lines().get(kept.size()).total();
            int prepaymentSeq = kept.size() + 1;
            List<ScheduleLine> lines = new ArrayList<>(kept);
            lines.add(new ScheduleLine(prepaymentSeq, paidOn, futurePrincipal.subtract(balance), Fen.ZERO));
            BigDecimal payment = schedule.type() == RepaymentType.EQUAL_INSTALMENTS && mode == PrepaymentMode.SHORTEN_TERM
                    ? instalment : RepaymentSchedule.levelPayment(balance, schedule.annualRate(), futureDates.size());
            lines.addAll(RepaymentSchedule.amortise(balance, schedule.annualRate(), schedule.type(), futureDates,
                    payment, prepaymentSeq + 1));
            RepaymentSchedule after = new RepaymentSchedule(lines, schedule.principal(), schedule.annualRate(),
                    schedule.type());
            List<LinePayment> paid = new ArrayList<>(lines.size());
            for (ScheduleLine line : kept) {
                paid.add(new LinePayment(line.seq(), principalPaid[line.seq() - 1], interestPaid[line.seq() - 1]));
            }
            paid.add(new LinePayment(prepaymentSeq, futurePrincipal.subtract(balance), Fen.ZERO));
            for (int seq = prepaymentSeq + 1; seq <= lines.size(); seq++) {
                paid.add(new LinePayment(seq, Fen.ZERO, Fen.ZERO));
            }
            List<LinePayment> applied = new ArrayList<>(allocations);
            applied.add(new LinePayment(prepaymentSeq, prepaid, Fen.ZERO));
            return new RepaymentAllocation(amount, paidOn, interestTotal, principalTotal, prepaid, balance, false,
                    applied, after, paid);
        }

        /** Future lines pay interest on what is still unpaid of their own and every later line's principal. */
        private RepaymentSchedule withFutureInterestRecomputed(LocalDate paidOn) {
            List<ScheduleLine> lines = schedule.lines();
            ScheduleLine[] recomputed = new ScheduleLine[lines.size()];
            BigDecimal openingBalance = Fen.ZERO;
            for (int i = lines.size() - 1; i >= 0; i--) {
                ScheduleLine line = lines.get(i);
                openingBalance = openingBalance.add(unpaidPrincipal(line));
                recomputed[i] = isDue(line, paidOn) ? line
                        : new ScheduleLine(line.seq(), line.dueOn(), line.principal(), schedule.interestOn(openingBalance));
            }
            return new RepaymentSchedule(List.of(recomputed), schedule.principal(), schedule.annualRate(),
                    schedule.type());
        }

        private static boolean isDue(ScheduleLine line, LocalDate paidOn) {
            return !line.dueOn().isAfter(paidOn);
        }

        private BigDecimal unpaidPrincipal(ScheduleLine line) {
            return line.principal().subtract(principalPaid[line.seq() - 1]);
        }

        private BigDecimal unpaidInterest(ScheduleLine line) {
            return line.interest().subtract(interestPaid[line.seq() - 1]);
        }
    }
}
