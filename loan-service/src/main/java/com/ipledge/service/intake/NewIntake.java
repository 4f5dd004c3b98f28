package com.ipledge.service.intake;

import com.ipledge.service.borrower.NewBorrower;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What a firm typed into the public form, read into the services' records: the firm, its rights (each with the
 * form's row, so that problems name the row the person sees), the loan asked for and how to reach the firm.
 */
public record NewIntake(UUID bankId, NewBorrower firm, List<Row> assets, BigDecimal requestedAmount,
                        Integer termMonths, String purpose, String contactName, String contactPhone,
                        String clientAddress, String statusTokenHash) {
    /** One filled row of the form; its owner credit code is the firm's as typed. */
    public record Row(int row, com.ipledge.service.ipasset.NewIpAsset asset) {
    }
}
