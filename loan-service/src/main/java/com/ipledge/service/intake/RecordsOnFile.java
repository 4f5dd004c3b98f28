package com.ipledge.service.intake;

import com.ipledge.service.borrower.Borrower;
import com.ipledge.service.borrower.NewBorrower;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.ipasset.IpAssetService;
import com.ipledge.service.money.Money;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a bank already has on file for an intake, and every typed fact that is not what is on file: the officer sees
 * these before confirming, and attaching to records that differ needs them accepted.
 */
@Singleton
class RecordsOnFile {
    private final IpAssetService assets;

    RecordsOnFile(IpAssetService assets) {
        this.assets = assets;
    }

    /** The bank's asset with each row's number, by the row's position; rows without one are left out. */
    Map<Integer, IpAsset> assetsOf(PublicIntake intake) {
        Map<Integer, IpAsset> found = new LinkedHashMap<>();
        for (PublicIntake.Asset a : intake.assets()) {
            List<IpAsset> same = assets.findByNumber(intake.bankId(), a.number());
            // a patent number names its type; a mark's number may be on file as another kind of mark
            same.stream().filter(x -> x.type() == a.type()).findFirst()
                    .or(() -> same.stream().findFirst())
                    .ifPresent(x -> found.put(a.position(), x));
        }
        return found;
    }

    static IntakeView.Matches matches(Optional<Borrower> borrower, Map<Integer, IpAsset> onFile) {
        return new IntakeView.Matches(borrower.map(Borrower::id).orElse(null), onFile.entrySet().stream()
                .map(e -> new IntakeView.AssetMatch(e.getKey(), e.getValue().id())).toList());
    }

    /**
     * Each typed fact that is not what is on file. Against the borrower: every firm field (the credit code too,
     * when the officer names a borrower with another one). Against an asset with the row's number: its type,
     * title, dates, classes and owner (the typed credit code). A row without an asset on file differs in its number
     * when the firm is on file: attaching would put a new right on that borrower's books.
     */
    static List<IntakeView.Difference> differences(PublicIntake intake, Optional<Borrower> borrower,
                                                   Map<Integer, IpAsset> onFile) {
        List<IntakeView.Difference> out = new ArrayList<>();
        NewBorrower f = intake.firm();
        borrower.ifPresent(b -> {
            compare(out, "name", f.name(), b.name());
            compare(out, "creditCode", f.creditCode(), b.creditCode());
            compare(out, "industryCode", f.industryCode(), b.industryCode());
            compare(out, "regionCode", f.regionCode(), b.regionCode());
            compare(out, "employees", f.employees(), b.employees());
            compare(out, "operatingRevenue", money(f.operatingRevenue()), money(b.operatingRevenue()));
            compare(out, "totalAssets", money(f.totalAssets()), money(b.totalAssets()));
            compare(out, "foundedOn", f.foundedOn(), b.foundedOn());
        });
        for (PublicIntake.Asset a : intake.assets()) {
            String prefix = "assets[" + a.position() + "].";
            IpAsset x = onFile.get(a.position());
            if (x == null) {
                if (borrower.isPresent()) {
                    out.add(new IntakeView.Difference(prefix + "number", a.number(), null));
                }
                continue;
            }
            compare(out, prefix + "type", a.type().name(), x.type().name());
            compare(out, prefix + "title", a.title(), x.title());
            compare(out, prefix + "filingDate", a.filingDate(), x.filingDate());
            compare(out, prefix + "grantDate", a.grantDate(), x.grantDate());
            compare(out, prefix + "registrationDate", a.registrationDate(), x.registrationDate());
            compare(out, prefix + "niceClasses", classes(a.niceClasses()), classes(x.niceClasses()));
            compare(out, prefix + "ownerCreditCode", f.creditCode(), x.ownerCreditCode());
        }
        return out;
    }

    private static void compare(List<IntakeView.Difference> out, String field, Object submitted, Object onFile) {
        String s = submitted == null ? null : submitted.toString();
        String o = onFile == null ? null : onFile.toString();
        if (!Objects.equals(s, o)) {
            out.add(new IntakeView.Difference(field, s, o));
        }
    }

    private static String money(BigDecimal yuan) {
        return yuan == null ? null : Money.yuan(yuan).toPlainString();
    }

    private static String classes(List<Integer> classes) {
        return classes == null || classes.isEmpty() ? null
                : classes.stream().sorted().distinct().map(String::valueOf).collect(Collectors.joining(","));
    }
}
