package com.ipledge.rules;

/** What the bank should do about a live loan, in increasing order of force. */
public enum SuggestedAction {
    NONE, WATCH, MARGIN_CALL, ADD_COLLATERAL, FREEZE
}
