package com.ipledge.rules;

/** The decision on an application: DECLINE if any rule declines, else REFER if any refers, else APPROVE. */
public enum Outcome {
    APPROVE, REFER, DECLINE
}
