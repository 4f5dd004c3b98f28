package com.ipledge.rules;

import com.ipledge.rules.engine.Checks;
import com.ipledge.rules.params.PolicyParameters;
import java.util.List;

/** The rights of one pledge about to be filed, checked against the registries' refusal grounds. */
public record FilingInput(List<PledgeFiling> filings, PolicyParameters parameters) {

    public List<Problem> problems() {
        Checks checks = new Checks();
        if (checks.present("filings", filings)) {
            for (int i = 0; i < filings.size(); i++) {
                PledgeFiling f = filings.get(i);
                String path = "filings[" + i + "]";
                if (checks.present(path, f)) {
                    checks.notBlank(path + ".assetId", f.assetId());
                    checks.present(path + ".type", f.type());
                    checks.present(path + ".registry", f.registry());
                    checks.present(path + ".legalStatus", f.legalStatus());
                    checks.notBlank(path + ".pledgorCreditCode", f.pledgorCreditCode());
                    checks.present(path + ".filedOn", f.filedOn());
                    checks.present(path + ".debtEndsOn", f.debtEndsOn());
                }
            }
        }
        if (checks.present("parameters", parameters)) {
            parameters.check("parameters.", checks);
        }
        return List.copyOf(checks.problems());
    }
}
