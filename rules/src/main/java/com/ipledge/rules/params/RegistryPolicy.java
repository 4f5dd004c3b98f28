package com.ipledge.rules.params;

/**
 * Pre-filing checks against the registries' refusal grounds.
 *
 * @param debtTermMarginDays the secured debt must fall due at least this many days before the pledged right ends
 *                           (0: the registries' own rule, not after the end of the term)
 */
public record RegistryPolicy(int debtTermMarginDays) {

    public static RegistryPolicy defaults() {
        return new RegistryPolicy(0);
    }
}
