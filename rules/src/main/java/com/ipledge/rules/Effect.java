package com.ipledge.rules;

/** What a reason does to the outcome; INFO reasons explain terms (limit, price, cap) without changing it. */
public enum Effect {
    DECLINE, REFER, INFO
}
