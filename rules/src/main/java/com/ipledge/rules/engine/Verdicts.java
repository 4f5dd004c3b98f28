package com.ipledge.rules.engine;

import com.ipledge.rules.Alert;
import com.ipledge.rules.Condition;
import com.ipledge.rules.Effect;
import com.ipledge.rules.Reason;
import com.ipledge.rules.Severity;
import com.ipledge.rules.SuggestedAction;
import org.kie.api.runtime.rule.RuleContext;

/** Builds rule outputs stamped with the firing rule's name, so that a rule's id is written only once: its name. */
public final class Verdicts {
    private Verdicts() {
    }

    public static Reason decline(RuleContext rule, String assetId, String zh, String en) {
        return reason(rule, Effect.DECLINE, assetId, zh, en);
    }

    public static Reason refer(RuleContext rule, String assetId, String zh, String en) {
        return reason(rule, Effect.REFER, assetId, zh, en);
    }

    public static Reason info(RuleContext rule, String assetId, String zh, String en) {
        return reason(rule, Effect.INFO, assetId, zh, en);
    }

    /** A reason whose effect is a policy parameter ("DECLINE" or "REFER"). */
    public static Reason reason(RuleContext rule, String effect, String assetId, String zh, String en) {
        return reason(rule, Effect.valueOf(effect), assetId, zh, en);
    }

    public static Reason reason(RuleContext rule, Effect effect, String assetId, String zh, String en) {
        return new Reason(rule.getRule().getName(), effect, assetId, zh, en);
    }

    public static Condition condition(RuleContext rule, String assetId, String zh, String en) {
        return new Condition(rule.getRule().getName(), assetId, zh, en);
    }

    public static Alert alert(RuleContext rule, Severity severity, SuggestedAction action, String assetId, String zh,
                              String en) {
        return new Alert(rule.getRule().getName(), severity, action, assetId, zh, en);
    }
}
