package io.trailcheck.engine.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 in hex: fingerprints, user pseudonyms and the precompiled pack's digest all come from here. */
public final class Digests {
    private Digests() {}

    /** The first {@code bytes} bytes of the SHA-256 of {@code text} (UTF-8), in lower-case hex. */
    public static String sha256Hex(String text, int bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, Math.min(bytes, d.length));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stable pseudonym for a user id or principal name: the same user gets the same one in every run. */
    public static String pseudonym(String user) {
        return "user-" + sha256Hex(user.toLowerCase(Locale.ROOT), 6);
    }
}
