package com.ipledge.rules;

import com.ipledge.rules.engine.BankQuota;
import com.ipledge.rules.engine.CappedCollateral;
import com.ipledge.rules.engine.DecisionOutcome;
import com.ipledge.rules.engine.FiredRules;
import com.ipledge.rules.engine.InterestRate;
import com.ipledge.rules.engine.LoanLimit;
import com.ipledge.rules.engine.LoanPosition;
import com.ipledge.rules.params.PolicyParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.command.KieCommands;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.ObjectFilter;
import org.kie.api.runtime.StatelessKieSession;

/**
 * The bank's credit policy for IP-pledge loans, run on the Drools rule base in this module (kbase
 * {@value #KIE_BASE}). Build it once with {@link #load()} and share it: it is immutable and thread safe; every call
 * runs in its own session (a pooled working memory, reset between calls).
 */
public final class CreditPolicy {
    /** This module's version. */
    public static final String ENGINE_VERSION = "0.1.0";
    static final String KIE_BASE = "credit-policy";
    static final String RULE_PACKAGE = "com.ipledge.rules";
    static final String MONITORING_ENTRY_POINT = "monitoring";
    static final String REGISTRY_ENTRY_POINT = "registry";
    /** Written by kie-maven-plugin: which generated classes hold the executable model of this kjar. */
    static final String MODEL_INDEX = "META-INF/kie/com.ipledge/rules/drools-model";
    /** The DRL files of the rule base, one per policy area; the rule-base version is a hash over them. */
    static final List<String> DRL_FILES = List.of("borrower-eligibility.drl", "collateral-eligibility.drl",
            "limits.drl", "pricing.drl", "risk-sharing.drl", "outcome.drl", "monitoring.drl",
            "registry-refusal.drl", "valuation-plausibility.drl");
    private static final Pattern RULE_ID = Pattern.compile("[A-Z]+(-[A-Z]+)*-\\d{3}");
    private static final Set<Class<?>> OUTPUTS = Set.of(Reason.class, Condition.class, Alert.class,
            DecisionOutcome.class, LoanLimit.class, InterestRate.class, RiskShare.class, CappedCollateral.class);
    private static final ObjectFilter OUTPUT_FILTER = o -> OUTPUTS.contains(o.getClass());
    private static final BigDecimal ZERO_YUAN = BigDecimal.ZERO.setScale(2);
    /** Sessions made up front; the pool grows beyond this when more calls run at once. */
    private static final int SESSION_POOL_SIZE = 2;

    private final KieSessionsPool sessions;
    private final KieCommands commands;
    private final List<String> ruleIds;
    private final String ruleBaseVersion;

    private CreditPolicy(KieSessionsPool sessions, KieCommands commands, List<String> ruleIds,
                         String ruleBaseVersion) {
        this.sessions = sessions;
        this.commands = commands;
        this.ruleIds = ruleIds;
        this.ruleBaseVersion = ruleBaseVersion;
    }

    /**
     * Loads the rule base and checks it: it has rules, every rule name is a stable id, and every DRL file is
     * present. A broken rule base fails here, at start, never on a request (compile errors already fail the Maven
     * build).
     *
     * <p>The KieBase is built straight from the executable model classes that {@code kie-maven-plugin} generated,
     * named in {@value #MODEL_INDEX}, rather than through {@code getKieClasspathContainer()}: the container finds
     * the model by this jar's Maven coordinates, which a shaded (single, merged) jar loses, and then falls back to
     * compiling DRL at run time. Built this way the classpath layout no longer matters.
     *
     * @throws IllegalStateException when the rule base is unusable
     */
    public static CreditPolicy load() {
        KieBase kieBase;
        try {
            kieBase = KieBaseBuilder.createKieBaseFromModel(executableModels(),
                    KieServices.Factory.get().newKieBaseConfiguration());
        } catch (RuntimeException e) {
            throw new IllegalStateException("rule base " + KIE_BASE + " does not build: " + e.getMessage(), e);
        }
        KiePackage rules = kieBase.getKiePackage(RULE_PACKAGE);
        if (rules == null || rules.getRules().isEmpty()) {
            throw new IllegalStateException("rule base " + KIE_BASE + " has no rules in " + RULE_PACKAGE);
        }
        List<String> ids = rules.getRules().stream().map(Rule::getName).sorted().toList();
        List<String> badIds = ids.stream().filter(id -> !RULE_ID.matcher(id).matches()).toList();
        if (!badIds.isEmpty()) {
            throw new IllegalStateException("rules without a stable id (AREA-NAME-NNN): " + badIds);
        }
        return new CreditPolicy(kieBase.newKieSessionsPool(SESSION_POOL_SIZE),
                KieServices.Factory.get().getCommands(), ids, hashDrlFiles());
    }

    /** The generated model classes listed in the index the build wrote (a version line, then class names). */
    private static List<Model> executableModels() {
        ClassLoader loader = CreditPolicy.class.getClassLoader();
        List<String> names;
        try (InputStream in = loader.getResourceAsStream(MODEL_INDEX)) {
            if (in == null) {
                throw new IllegalStateException("rule base " + KIE_BASE + " has no executable model ("
                        + MODEL_INDEX + " is missing: was the rules module built with kie-maven-plugin?)");
            }
            names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.contains(":")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException(MODEL_INDEX + " names no model class");
        }
        List<Model> models = new ArrayList<>();
        for (String name : names) {
            try {
                models.add((Model) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("executable model class " + name + " does not load", e);
            }
        }
        return models;
    }

    /** SHA-256 (hex) over the DRL files' names and bytes, read from the classpath. */
    private static String hashDrlFiles() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String file : DRL_FILES.stream().sorted().toList()) {
                String path = RULE_PACKAGE.replace('.', '/') + "/" + file;
                try (InputStream in = CreditPolicy.class.getClassLoader().getResourceAsStream(path)) {
                    if (in == null) {
                        throw new IllegalStateException("missing rule file " + path);
                    }
                    sha.update(file.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 (hex) over the rule base's DRL files: stored with every decision so that it can be replayed. */
    public String ruleBaseVersion() {
        return ruleBaseVersion;
    }

    /** Every rule id in the rule base, sorted. */
    public List<String> ruleIds() {
        return ruleIds;
    }

    /**
     * Decides one application. Deterministic: the same input gives the same decision.
     *
     * @throws InvalidInputException when the input or its parameters are malformed (missing parts, negative amounts,
     *                               shares not adding up to 1, ...); a collateral item without a valuation is not
     *                               malformed: it is referred
     */
    public Decision decide(DecisionInput input) {
        List<Problem> problems = input.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PolicyParameters p = input.parameters();
        List<Object> facts = new ArrayList<>();
        facts.add(input.application());
        facts.add(input.borrower());
        facts.add(input.risk());
        facts.add(new BankQuota(input.availableQuota()));
        facts.add(p.eligibility());
        facts.add(p.collateral());
        facts.add(p.widerCollateralOrDefaults());
        facts.add(p.effectiveLimits());
        facts.add(p.pricing());
        facts.addAll(p.riskSharing().schemes());
        facts.addAll(input.collateral());
        facts.add(p.valuationGovernanceOrDefaults());
        if (input.valuations() != null) {
            facts.addAll(input.valuations());
        }
        FiredRules fired = new FiredRules();
        Collection<?> out = run(fired, List.of(commands.newInsertElements(facts)));

        Outcome outcome = single(out, DecisionOutcome.class).outcome();
        LoanLimit limit = outcome == Outcome.DECLINE ? null : single(out, LoanLimit.class);
        InterestRate rate = outcome == Outcome.DECLINE ? null : optional(out, InterestRate.class);
        Map<String, Integer> order = new HashMap<>();
        for (CollateralItem item : input.collateral()) {
            order.put(item.assetId(), order.size());
        }
        List<CollateralLimit> collateralLimits = all(out, CappedCollateral.class).stream()
                .sorted(Comparator.comparing(c -> order.get(c.getAssetId())))
                .map(CappedCollateral::toResult).toList();
        BigDecimal totalCollateralValue = limit != null ? limit.totalCollateralValue()
                : input.collateral().stream().filter(CollateralItem::hasValuation)
                        .map(CollateralItem::collateralValue).reduce(ZERO_YUAN, BigDecimal::add).setScale(2);
        return new Decision(outcome,
                limit == null ? ZERO_YUAN : limit.approvedLimit(),
                limit == null ? null : limit.ltv(),
                limit == null ? null : limit.binding(),
                totalCollateralValue,
                limit == null ? ZERO_YUAN : limit.lendingValue(),
                collateralLimits,
                rate == null ? null : rate.rate(),
                outcome == Outcome.DECLINE ? null : single(out, RiskShare.class),
                all(out, Condition.class).stream().sorted(Comparator.comparing(Condition::ruleId)
                        .thenComparing(Condition::assetId, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Condition::messageEn)).toList(),
                all(out, Reason.class).stream().sorted(Comparator.comparing(Reason::effect)
                        .thenComparing(Reason::ruleId)
                        .thenComparing(Reason::assetId, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Reason::messageEn)).toList(),
                fired.ids(), ruleBaseVersion, p.version());
    }

    /**
     * Reacts to legal-status events on, or a revaluation of, a live loan's collateral.
     *
     * @throws InvalidInputException when the input or its parameters are malformed
     */
    public MonitoringReaction react(MonitoringInput input) {
        List<Problem> problems = input.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Command<?>> inserts = new ArrayList<>();
        inserts.add(commands.newInsert(input.parameters().monitoring()));
        inserts.add(commands.newInsert(LoanPosition.of(input), null, false, MONITORING_ENTRY_POINT));
        for (LegalStatusEvent event : input.events()) {
            inserts.add(commands.newInsert(event, null, false, MONITORING_ENTRY_POINT));
        }
        FiredRules fired = new FiredRules();
        List<Alert> alerts = all(run(fired, inserts), Alert.class).stream()
                .sorted(Comparator.comparing(Alert::severity).reversed()
                        .thenComparing(Alert::ruleId)
                        .thenComparing(Alert::assetId, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Alert::messageEn)).toList();
        Severity severity = alerts.stream().map(Alert::severity).max(Comparator.naturalOrder()).orElse(Severity.INFO);
        SuggestedAction action = alerts.stream().map(Alert::action).max(Comparator.naturalOrder())
                .orElse(SuggestedAction.NONE);
        return new MonitoringReaction(input.loanId(), severity, action, alerts, fired.ids(), ruleBaseVersion,
                input.parameters().version());
    }

    /**
     * Checks a pledge about to be filed against the registries' refusal grounds (registry-refusal.drl): what CNIPA
     * or the Copyright Protection Center would refuse, each as a DECLINE reason with its rule id.
     *
     * @throws InvalidInputException when the input or its parameters are malformed
     */
    public FilingCheck checkFiling(FilingInput input) {
        List<Problem> problems = input.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Command<?>> inserts = new ArrayList<>();
        inserts.add(commands.newInsert(input.parameters().registryOrDefaults()));
        for (PledgeFiling filing : input.filings()) {
            inserts.add(commands.newInsert(filing, null, false, REGISTRY_ENTRY_POINT));
        }
        FiredRules fired = new FiredRules();
        List<Reason> refusals = all(run(fired, inserts), Reason.class).stream()
                .sorted(Comparator.comparing(Reason::ruleId)
                        .thenComparing(Reason::assetId, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Reason::messageEn)).toList();
        return new FilingCheck(refusals, fired.ids(), ruleBaseVersion, input.parameters().version());
    }

    /** Runs the inserts and all rules in a stateless session over a pooled working memory; answers the outputs. */
    private Collection<?> run(FiredRules fired, List<Command<?>> inserts) {
        // A stateless wrapper per call, so that the listener sees only this call. Its working memory comes from the
        // pool and is reset on return (facts, agenda, node memories and event listeners cleared) instead of being
        // built afresh: building one takes JVM-wide locks in Drools (a synchronized class cache for the agenda's
        // exception handler, the kbase's session set) that 16 concurrent callers queued on.
        StatelessKieSession session = sessions.newStatelessKieSession();
        session.addEventListener(fired);
        List<Command<?>> batch = new ArrayList<>(inserts);
        batch.add(commands.newFireAllRules());
        batch.add(commands.newGetObjects(OUTPUT_FILTER, "out"));
        ExecutionResults results = session.execute(commands.newBatchExecution(batch));
        return (Collection<?>) results.getValue("out");
    }

    private static <T> List<T> all(Collection<?> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    private static <T> T optional(Collection<?> objects, Class<T> type) {
        List<T> found = all(objects, type);
        if (found.size() > 1) {
            throw new IllegalStateException("rule base produced " + found.size() + " " + type.getSimpleName());
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static <T> T single(Collection<?> objects, Class<T> type) {
        T found = optional(objects, type);
        if (found == null) {
            throw new IllegalStateException("rule base produced no " + type.getSimpleName());
        }
        return found;
    }
}
