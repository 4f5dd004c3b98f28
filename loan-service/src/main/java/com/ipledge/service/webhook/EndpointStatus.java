package com.ipledge.service.webhook;

/** ACTIVE receives events; PAUSED (it kept failing) collects them until the bank re-sends one; DISABLED is deleted. */
public enum EndpointStatus { ACTIVE, PAUSED, DISABLED }
