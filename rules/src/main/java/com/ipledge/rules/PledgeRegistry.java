package com.ipledge.rules;

/** Where a pledge of a right is registered: each registry has its own refusal grounds. */
public enum PledgeRegistry {
    /** CNIPA: patents (2021 pledge registration measures), trademarks and GIs. */
    CNIPA,
    /** The Copyright Protection Center of China (NCAC measures): works and software. */
    COPYRIGHT_CENTRE,
    /** A province's data-IP registration platform. */
    DATA_PLATFORM
}
