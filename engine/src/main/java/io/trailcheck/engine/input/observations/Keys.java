package io.trailcheck.engine.input.observations;

import java.util.Locale;

/** 64-bit hashes of identifiers, case-insensitive: keys for the compact sets that stand in for strings. */
final class Keys {
    private Keys() {}

    /** FNV-1a over the lower-cased text, then a SplitMix64 finaliser to spread the bits. */
    static long of(String text) {
        long h = 0xcbf29ce484222325L;
        String s = text.trim();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') c = (char) (c + 32);
            else if (c > 127) c = Character.toLowerCase(c);
            h = (h ^ c) * 0x100000001b3L;
        }
        return mix(h);
    }

    static long combine(long a, long b) {
        return mix(a * 31 + b + 0x632BE59BD9B4E019L);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
