package com.ipledge.service.pages;

import com.ipledge.service.admin.Bank;
import com.ipledge.service.admin.AdminService;
import com.ipledge.service.quota.QuotaPlan;
import com.ipledge.service.quota.QuotaService;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The banks a firm may apply to through the form. */
@Singleton
public class ApplyBanks {
    private final AdminService banks;
    private final QuotaService quotas;
    private final Clock clock;

    public ApplyBanks(AdminService banks, QuotaService quotas, Clock clock) {
        this.banks = banks;
        this.quotas = quotas;
        this.clock = clock;
    }

    /** The banks listed on the form and accepted on submit: those with earmarked quota left this year. */
    public List<Bank> banksAcceptingApplications() {
        Set<UUID> withQuota = quotas.plans(Optional.empty(), Optional.of(LocalDate.now(clock).getYear())).stream()
                .filter(p -> p.available().signum() > 0).map(QuotaPlan::bankId).collect(Collectors.toSet());
        return banks.all().stream().filter(b -> withQuota.contains(b.id())).toList();
    }

    public Optional<Bank> accepting(UUID bankId) {
        return banksAcceptingApplications().stream().filter(b -> b.id().equals(bankId)).findFirst();
    }
}
