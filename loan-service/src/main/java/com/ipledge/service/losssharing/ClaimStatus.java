package com.ipledge.service.losssharing;

/** A loss claim on a party; stored and answered by name. Claims are paid in full or not at all. */
public enum ClaimStatus { FILED, PAID }
