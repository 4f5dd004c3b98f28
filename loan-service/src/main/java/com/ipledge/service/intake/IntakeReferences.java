package com.ipledge.service.intake;

import java.security.SecureRandom;

/**
 * Short references a person can read out on the phone: 8 characters from an alphabet without the look-alikes
 * 0/O, 1/I/L (31 symbols, about 40 bits), so "K7QX4M2P" survives being spoken, written down and typed again. The
 * reference names an intake for a conversation with the bank; it opens nothing (the status page needs its token).
 */
final class IntakeReferences {
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private IntakeReferences() {
    }

    static String next() {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
