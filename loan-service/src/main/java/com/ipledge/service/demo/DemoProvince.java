package com.ipledge.service.demo;

import com.ipledge.rules.sme.IndustryCode;
import com.ipledge.rules.sme.SmeSizeStandard;
import com.ipledge.service.admin.Bank;
import com.ipledge.service.admin.AdminService;
import com.ipledge.service.borrower.Borrower;
import com.ipledge.service.borrower.BorrowerService;
import com.ipledge.service.borrower.NewBorrower;
import com.ipledge.service.intake.IntakeService;
import com.ipledge.service.intake.NewIntake;
import com.ipledge.service.ipasset.NewIpAsset;
import com.ipledge.service.pages.WebFormCaller;
import com.ipledge.rules.EcoIndustry;
import com.ipledge.service.identifier.PatentNumber;
import com.ipledge.service.identifier.UnifiedSocialCreditCode;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.ipasset.IpAssetService;
import com.ipledge.service.ipasset.AuthorKind;
import com.ipledge.service.ipasset.IpType;
import com.ipledge.service.ipasset.RegistrationFacts;
import com.ipledge.service.ipasset.LegalStatus;
import com.ipledge.service.ipasset.LegalTerm;
import com.ipledge.service.security.ApiKeyService;
import com.ipledge.service.security.ApiKeys;
import com.ipledge.service.security.Role;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.ipledge.service.security.Caller;
import java.util.Random;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * A small, believable province (Gansu: its prefecture-level cities and its ten ecological industries) generated
 * from a fixed seed, so that a first run has banks, keys, borrowers and assets to try the API on. Seeding is
 * idempotent: a restart finds the data and only prints the keys again. Demo keys are derived from their labels,
 * so they are the same on every machine: never enable this on a service that holds real data.
 */
@Singleton
@Requires(property = "ipledge.demo", value = "true")
public class DemoProvince {
    static final long SEED = 20261125L;
    static final int BORROWERS_PER_BANK = 100;
    /** The first borrowers of each bank get a loan each, taken to a different stage (see DemoBook). */
    static final int LOANS_PER_BANK = 30;
    private static final long LOCK = 7_201_002L;
    static final String[][] BANKS = {
        {"GSBANK", "甘肃银行"}, {"LZBANK", "兰州银行"}, {"ABC-GS", "中国农业银行甘肃省分行"}};
    public static final String[][] REGIONS = {
        {"620100", "兰州"}, {"620200", "嘉峪关"}, {"620300", "金昌"}, {"620400", "白银"}, {"620500", "天水"},
        {"620600", "武威"}, {"620700", "张掖"}, {"620800", "平凉"}, {"620900", "酒泉"}, {"621000", "庆阳"},
        {"621100", "定西"}, {"621200", "陇南"}, {"622900", "临夏"}, {"623000", "甘南"}};
    /** A plausible GB/T 4754 code for each ecological industry. */
    static final String[] INDUSTRY_OF_ECO = {"N7721", "C2662", "D4415", "C3484", "R8890", "G5810", "A0141",
        "C2740", "I6510", "C3825"};

    private final AdminService banks;
    private final ApiKeyService keys;
    private final BorrowerService borrowers;
    private final IpAssetService assets;
    private final DSLContext db;
    private final DemoBook book;
    private final IntakeService intakes;
    private final com.ipledge.service.admin.AdminBootstrap adminBootstrap;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final DemoAssessment assessment;
    private final DemoSubsidies subsidies;
    private final DemoRiskLayers riskLayers;

    public DemoProvince(AdminService banks, ApiKeyService keys, BorrowerService borrowers,
                        IpAssetService assets, DSLContext db, DemoBook book, IntakeService intakes,
                        com.ipledge.service.admin.AdminBootstrap adminBootstrap,
                        TransactionOperations<Connection> transactions, Clock clock, DemoAssessment assessment,
                        DemoSubsidies subsidies, DemoRiskLayers riskLayers) {
        this.assessment = assessment;
        this.subsidies = subsidies;
        this.riskLayers = riskLayers;
        this.book = book;
        this.intakes = intakes;
        this.adminBootstrap = adminBootstrap;
        this.transactions = transactions;
        this.banks = banks;
        this.keys = keys;
        this.borrowers = borrowers;
        this.assets = assets;
        this.db = db;
        this.clock = clock;
    }

    /** The demo key for a label: the same on every run. */
    public static String demoKey(String label) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("ipledge-demo-v1/" + label).getBytes(StandardCharsets.UTF_8));
            return ApiKeys.PREFIX + HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @EventListener
    void onStartup(StartupEvent event) {
        adminBootstrap.ensureBootstrapKey();
        List<String> lines = transactions.executeWrite(status -> seed());
        StringBuilder out = new StringBuilder("\n=== ipledge demo province: API keys (demo only) ===\n");
        lines.forEach(l -> out.append(l).append('\n'));
        System.out.println(out);
    }

    /** Seeds what is missing; call inside a transaction (the advisory lock is held until it ends). */
    List<String> seed() {
        db.execute("SELECT pg_advisory_xact_lock(?)", LOCK);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> printed = new ArrayList<>();
        key(Role.ADMIN, null, "demo admin", now, printed);
        key(Role.BUREAU, null, "demo bureau", now, printed);
        SmeSizeStandard sizes = SmeSizeStandard.miit2011();
        List<DemoBook.GiMember> giMembers = new ArrayList<>();
        for (int bankIndex = 0; bankIndex < BANKS.length; bankIndex++) {
            String[] b = BANKS[bankIndex];
            Bank bank = banks.findByCode(b[0]).orElseGet(() -> banks.insert(b[0], b[1], now).orElseThrow());
            key(Role.BANK_OFFICER, bank.id(), "demo " + b[0] + " officer", now, printed);
            key(Role.BANK_APPROVER, bank.id(), "demo " + b[0] + " approver", now, printed);
            key(Role.BANK_APPROVER, bank.id(), "demo " + b[0] + " second approver", now, printed);
            boolean freshBook = book.isEmpty(bank.id());
            List<UUID> borrowerIds = new ArrayList<>();
            List<List<IpAsset>> pledgeable = new ArrayList<>();
            for (int i = 0; i < BORROWERS_PER_BANK; i++) {
                // one stream per borrower: a restart that skips existing rows draws the same numbers for the rest
                Random perBorrower = new Random(SEED + 1_000L * bankIndex + i);
                seedBorrower(bank, perBorrower, sizes, now).ifPresent(seeded -> {
                    borrowerIds.add(seeded.getKey());
                    pledgeable.add(seeded.getValue());
                });
            }
            if (bankIndex == 0 && !borrowerIds.isEmpty() && !intakes.hasAny(bank.id())) {
                seedIntake(bank, borrowerIds.get(borrowerIds.size() - 1), pledgeable.get(pledgeable.size() - 1));
            }
            if (freshBook && !borrowerIds.isEmpty()) {
                int loans = Math.min(LOANS_PER_BANK, borrowerIds.size());
                book.open(bank.id(), caller(Role.BANK_OFFICER, bank.id(), "demo " + b[0] + " officer"),
                        caller(Role.BANK_APPROVER, bank.id(), "demo " + b[0] + " approver"),
                        borrowerIds.subList(0, loans), pledgeable.subList(0, loans));
                assessment.open(bankIndex, bank.id(),
                        caller(Role.BANK_OFFICER, bank.id(), "demo " + b[0] + " officer"),
                        caller(Role.BANK_APPROVER, bank.id(), "demo " + b[0] + " approver"),
                        caller(Role.BUREAU, null, "demo bureau"), borrowerIds, pledgeable);
                if (bankIndex == 0 && borrowerIds.size() > loans + 1) {
                    seedSoftwareCopyright(bank, borrowerIds.get(loans), now).ifPresent(software ->
                            book.openSoftwareCopyrightLoan(
                                    caller(Role.BANK_OFFICER, bank.id(), "demo " + b[0] + " officer"),
                                    caller(Role.BANK_APPROVER, bank.id(), "demo " + b[0] + " approver"),
                                    borrowerIds.get(loans), software));
                }
                if (bankIndex == 0) {
                    // the borrowers after the software copyright's are members of the growers' association
                    for (UUID id : borrowerIds.subList(Math.min(loans + 1, borrowerIds.size()),
                            Math.min(loans + 6, borrowerIds.size()))) {
                        Borrower firm = borrowers.find(id, Optional.of(bank.id())).orElseThrow();
                        giMembers.add(new DemoBook.GiMember(id, firm.creditCode(), firm.name()));
                    }
                }
            }
        }
        Bank first = banks.findByCode(BANKS[0][0]).orElseThrow();
        seedGeographicalIndication(first, now).filter(gi -> !giMembers.isEmpty()).ifPresent(gi ->
                book.openGiMemberLoans(caller(Role.BANK_OFFICER, first.id(), "demo " + BANKS[0][0] + " officer"),
                        caller(Role.BANK_APPROVER, first.id(), "demo " + BANKS[0][0] + " approver"), gi, giMembers));
        subsidies.seed(caller(Role.BUREAU, null, "demo bureau"),
                caller(Role.BANK_OFFICER, first.id(), "demo " + BANKS[0][0] + " officer"));
        riskLayers.open(caller(Role.BUREAU, null, "demo bureau"), caller(Role.BANK_OFFICER, first.id(), "demo "
                + BANKS[0][0] + " officer"), caller(Role.BANK_APPROVER, first.id(), "demo " + BANKS[0][0] + " approver"));
        return printed;
    }

    /**
     * A pending filing of the public form in the name of a borrower the bank has on file, with a revenue three times
     * the one on file: what the officer sees at GET /api/v1/intakes before confirming or rejecting it (issue 17).
     */
    private void seedIntake(Bank bank, UUID borrowerId, List<IpAsset> rights) {
        Borrower firm = borrowers.find(borrowerId, Optional.of(bank.id())).orElseThrow();
        IpAsset right = rights.get(0);
        NewBorrower typed = new NewBorrower(firm.name(), firm.creditCode(), firm.industryCode(), null,
                firm.regionCode(), firm.employees(), firm.operatingRevenue().multiply(BigDecimal.valueOf(3)),
                firm.totalAssets(), firm.foundedOn());
        NewIpAsset asset = new NewIpAsset(right.type(), right.number(), right.title(), firm.creditCode(),
                right.filingDate(), right.grantDate(), right.registrationDate(), LegalStatus.VALID, null, null, null,
                right.niceClasses());
        // the status token is a digest of a fixed text: nobody holds the link, the demo shows the bank's side
        UUID intakeId = intakes.receive(WebFormCaller.forBank(bank.id()), new NewIntake(bank.id(), typed,
                List.of(new NewIntake.Row(0, asset)), new BigDecimal("5000000"), 12, "购买生产设备", "李四",
                "0931-8123456", "203.0.113.7", HexFormat.of().formatHex(sha256("ipledge-demo-intake/" + bank.id()))));
        DemoIntakeDocuments.attach(intakes, bank.id(), intakeId);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A software copyright registered by the CPCC in 2021 (7 digits after SR from 2019), an organisation's work
     * first published 2021-03-15: protected to 2071-12-31.
     */
    private Optional<IpAsset> seedSoftwareCopyright(Bank bank, UUID borrowerId, OffsetDateTime now) {
        Borrower firm = borrowers.find(borrowerId, Optional.of(bank.id())).orElseThrow();
        RegistrationFacts facts = new RegistrationFacts(AuthorKind.ORGANISATION, LocalDate.of(2020, 11, 2),
                LocalDate.of(2021, 3, 15), null, "软著登字第7265431号", "V2.3", null, null);
        return assets.insert(new IpAsset(UUID.randomUUID(), bank.id(), IpType.SOFTWARE_COPYRIGHT, "2021SR0456789",
                "陇原智慧农业物联网监测平台软件", firm.creditCode(), null, null, LocalDate.of(2021, 4, 20),
                LegalStatus.VALID, null, null, null, null,
                LegalTerm.endOfProtection(IpType.SOFTWARE_COPYRIGHT, facts, LocalDate.now(clock)), now, now, facts));
    }

    /**
     * 定西马铃薯: a collective mark held by the growers' association, which pledges it for its members' loans up to
     * the capacity it sets; present when seeded now, empty when it was seeded before.
     */
    private Optional<IpAsset> seedGeographicalIndication(Bank bank, OffsetDateTime now) {
        String association = creditCode(new Random(SEED + 1), "621100").replaceFirst("^91", "51");
        association = association.substring(0, 17);
        association = association + UnifiedSocialCreditCode.checkCharacter(association);
        LocalDate registered = LocalDate.of(2018, 8, 14);
        return assets.insert(new IpAsset(UUID.randomUUID(), bank.id(), IpType.GEOGRAPHICAL_INDICATION, "8712345",
                "定西马铃薯 (地理标志集体商标)", association, registered.minusYears(1), null, registered,
                LegalStatus.VALID, null, null, null, List.of(31),
                LegalTerm.expiresOn(IpType.GEOGRAPHICAL_INDICATION, null, registered), now, now));
    }

    private Caller caller(Role role, UUID bankId, String label) {
        return new Caller(keys.findActiveByHash(ApiKeys.hash(demoKey(label))).orElseThrow().id(), role, bankId);
    }

    private void key(Role role, UUID bankId, String label, OffsetDateTime now, List<String> printed) {
        String key = demoKey(label);
        keys.insertIfAbsent(ApiKeys.hash(key), ApiKeys.displayPrefix(key), role, bankId, label, now);
        printed.add(String.format("%-34s %-14s %s", label, role, key));
    }

    /** The new borrower's id and its assets; empty when it was seeded before. */
    private Optional<Map.Entry<UUID, List<IpAsset>>> seedBorrower(Bank bank, Random random, SmeSizeStandard sizes,
                                                                 OffsetDateTime now) {
        EcoIndustry eco = EcoIndustry.values()[random.nextInt(EcoIndustry.values().length)];
        String industry = INDUSTRY_OF_ECO[eco.ordinal()];
        String region = REGIONS[random.nextInt(REGIONS.length)][0];
        String creditCode = creditCode(random, region);
        int employees = 8 + random.nextInt(280);
        BigDecimal revenue = BigDecimal.valueOf(2_000_000L + random.nextInt(150_000_000)).setScale(2);
        BigDecimal totalAssets = revenue.multiply(BigDecimal.valueOf(60 + random.nextInt(90)))
                .divide(BigDecimal.valueOf(100)).setScale(2, java.math.RoundingMode.HALF_EVEN);
        LocalDate founded = LocalDate.of(2005 + random.nextInt(17), 1 + random.nextInt(12), 1 + random.nextInt(28));
        Borrower borrower = Borrower.registered(UUID.randomUUID(), bank.id(), "甘肃" + eco.nameZh() + "科技有限公司"
                + creditCode.substring(12, 16), creditCode, industry, eco, region, employees, revenue, totalAssets,
                founded, sizes.classify(new IndustryCode(industry), employees, revenue, totalAssets), now,
                now.atZoneSameInstant(com.ipledge.service.TimeFactory.BUSINESS_ZONE).toLocalDate());
        if (borrowers.insert(borrower).isEmpty()) {
            return Optional.empty();
        }
        List<IpAsset> seeded = new ArrayList<>();
        int patents = 1 + random.nextInt(3);
        for (int p = 0; p < patents; p++) {
            boolean invention = random.nextInt(3) > 0;
            LocalDate filed = LocalDate.of(2012 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String digits = String.format("%04d%d%07d", filed.getYear(), invention ? 1 : 2, random.nextInt(10_000_000));
            IpType type = invention ? IpType.INVENTION_PATENT : IpType.UTILITY_MODEL;
            assets.insert(new IpAsset(UUID.randomUUID(), bank.id(), type,
                    digits + "." + PatentNumber.checkCharacter(digits),
                    (invention ? "一种" : "一种改进的") + eco.nameZh() + "装置及方法", creditCode, filed,
                    filed.plusMonths(invention ? 30 : 10), null, LegalStatus.VALID, 5 + random.nextInt(15),
                    random.nextInt(20), 1 + random.nextInt(5), null, LegalTerm.expiresOn(type, filed, null), now, now))
                    .ifPresent(seeded::add);
        }
        if (random.nextBoolean()) {
            LocalDate registered = LocalDate.of(2014 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
            assets.insert(new IpAsset(UUID.randomUUID(), bank.id(), IpType.TRADEMARK,
                    String.valueOf(10_000_000 + random.nextInt(60_000_000)), eco.nameZh() + "商标", creditCode,
                    registered.minusMonths(9), null, registered, LegalStatus.VALID, null, null, null,
                    List.of(1 + random.nextInt(45)), LegalTerm.expiresOn(IpType.TRADEMARK, null, registered), now, now))
                    .ifPresent(seeded::add);
        }
        return seeded.isEmpty() ? Optional.empty() : Optional.of(Map.entry(borrower.id(), seeded));
    }

    /** A well-formed code: registration authority 9 (industry and commerce), type 1 (enterprise), the region. */
    static String creditCode(Random random, String region) {
        StringBuilder s = new StringBuilder("91").append(region);
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int i = 0; i < 9; i++) {
            s.append(alphabet.charAt(random.nextInt(i == 0 ? 10 : 31)));
        }
        return s.append(UnifiedSocialCreditCode.checkCharacter(s.toString())).toString();
    }
}
