package com.ipledge.rules.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Records the id (name) of every rule that fires, once each, in firing order. One instance per execution. */
public final class FiredRules extends DefaultAgendaEventListener {
    private final Set<String> ids = new LinkedHashSet<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        ids.add(event.getMatch().getRule().getName());
    }

    public List<String> ids() {
        return new ArrayList<>(ids);
    }
}
