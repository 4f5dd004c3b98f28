package com.ipledge.rules.sme;

/** Enterprise size class under the MIIT 2011 standard (大型 / 中型 / 小型 / 微型). */
public enum SizeClass {
    LARGE, MEDIUM, SMALL, MICRO
}
