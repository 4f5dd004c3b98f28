package com.ipledge.service.pages;

import com.ipledge.service.admin.Bank;
import com.ipledge.service.admin.BankRepository;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The banks a firm may apply to through the form. */
@Singleton
public class ApplyBanks {
    private final BankRepository banks;

    public ApplyBanks(BankRepository banks) {
        this.banks = banks;
    }

    /**
     * The banks listed on the form and accepted on submit. Every bank for now; once quota plans exist this is the
     * one place to narrow it to banks with quota left this year.
     */
    public List<Bank> banksAcceptingApplications() {
        return banks.all();
    }

    public Optional<Bank> accepting(UUID bankId) {
        return banksAcceptingApplications().stream().filter(b -> b.id().equals(bankId)).findFirst();
    }
}
