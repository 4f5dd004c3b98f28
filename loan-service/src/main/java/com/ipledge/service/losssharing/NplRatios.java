package com.ipledge.service.losssharing;

import com.ipledge.service.admin.AdminService;
import com.ipledge.service.admin.Bank;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.losssharing.LossSharingViews.NplReport;
import com.ipledge.service.losssharing.LossSharingViews.NplView;
import com.ipledge.service.losssharing.LossSharingViews.OverallNplView;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.security.Caller;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Each bank's IP-loan NPL ratio against the overall NPL ratio the bureau records for it, plus a tolerance. */
@Singleton
public class NplRatios {
    private final LossSharingRepository repo;
    private final AdminService banks;
    private final AuditLog audit;
    private final Clock clock;
    private final BigDecimal nplTolerance;

    public NplRatios(LossSharingRepository repo, AdminService banks, AuditLog audit, Clock clock,
                     @Value("${ipledge.npl.tolerance:0.03}") BigDecimal nplTolerance) {
        this.repo = repo;
        this.banks = banks;
        this.audit = audit;
        this.clock = clock;
        this.nplTolerance = nplTolerance;
    }

    @Transactional
    public OverallNplView setOverallNpl(Caller caller, UUID bankId, LossSharingRequests.OverallNpl body) {
        FieldErrors errors = new FieldErrors();
        if (body.asOf() == null) {
            errors.add("asOf", "is required");
        } else if (body.asOf().isAfter(LocalDate.now(clock))) {
            errors.add("asOf", "is in the future");
        }
        if (body.overallNplRatio() == null) {
            errors.add("overallNplRatio", "is required (a decimal: 0.015 = 1.5%)");
        } else {
            Ratios.checkFraction(errors, "overallNplRatio", body.overallNplRatio(), true);
        }
        errors.throwIfAny();
        banks.find(bankId).orElseThrow(() -> NotFound.of("bank " + bankId));
        BigDecimal ratio = body.overallNplRatio().setScale(Ratios.SCALE);
        repo.upsertOverallNpl(bankId, body.asOf(), ratio, caller.role() + ":" + caller.principalId(),
                OffsetDateTime.now(clock));
        audit.append(caller, "bank.overall-npl-set", "bank", bankId, bankId,
                Map.of("asOf", body.asOf(), "overallNplRatio", ratio));
        return new OverallNplView(bankId, body.asOf(), ratio);
    }

    /**
     * Per bank (a bank's caller: its own only): IP-loan NPL ratio = outstanding principal of non-performing IP
     * loans (classified substandard or worse, {@link com.ipledge.service.loan.Classification#NON_PERFORMING}) /
     * outstanding principal of DISBURSED, REPAYING and DEFAULTED ones (0 with no book), against the bank's latest
     * overall NPL ratio plus the tolerance; breached when the IP ratio is above that limit.
     */
    public NplReport npl(Caller caller) {
        LocalDate today = LocalDate.now(clock);
        List<Bank> scope = caller.bankScope().map(id -> banks.find(id).map(List::of).orElse(List.of()))
                .orElseGet(banks::all);
        BigDecimal tolerance = nplTolerance.setScale(Ratios.SCALE, RoundingMode.HALF_UP);
        List<NplView> out = new ArrayList<>();
        for (Bank bank : scope) {
            LossSharingRepository.Book book = repo.book(bank.id());
            BigDecimal ip = book.totalOutstanding().signum() == 0 ? BigDecimal.ZERO.setScale(Ratios.SCALE)
                    : book.nonPerformingOutstanding().divide(book.totalOutstanding(), Ratios.SCALE,
                    RoundingMode.HALF_UP);
            Optional<LossSharingRepository.OverallNpl> overall = repo.overallNpl(bank.id(), today);
            BigDecimal limit = overall.map(o -> o.ratio().add(tolerance)).orElse(null);
            out.add(new NplView(bank.id(), bank.code(), book.totalOutstanding(), book.defaultedOutstanding(),
                    book.nonPerformingOutstanding(), ip,
                    overall.map(LossSharingRepository.OverallNpl::ratio).orElse(null),
                    overall.map(LossSharingRepository.OverallNpl::asOf).orElse(null), tolerance, limit,
                    limit == null ? null : ip.compareTo(limit) > 0));
        }
        return new NplReport(today, tolerance, out);
    }
}
