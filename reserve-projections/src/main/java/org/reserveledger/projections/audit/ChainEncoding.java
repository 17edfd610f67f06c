package org.reserveledger.projections.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The chain's canonical encoding of an event and its link hash. An auditor can redo this with any
 * SHA-256 tool (README, "Audit chain"):
 * <pre>
 * encoding = field(position) field(eventId) field(aggregateType) field(aggregateId) field(sequence)
 *            field(timestamp) field(payloadType) field(payloadRevision) field(payload) field(metaData)
 * field(x) = 4-byte big-endian length of x, then x; a missing value is the length 0xFFFFFFFF and nothing
 *            numbers are their decimal digits in ASCII, text is UTF-8, payload and metadata their stored bytes
 * hash(n)  = SHA-256(hash(n-1) || encoding(event n)), with hash(0) = 32 zero bytes
 * </pre>
 * The chain follows the order in which events became visible, which a late-committing append
 * can make differ from position order; each link names its position, so reordering is caught.
 */
public final class ChainEncoding {

    public static final int HASH_BYTES = 32;

    private static final byte[] GENESIS = new byte[HASH_BYTES];
    private static final HexFormat HEX = HexFormat.of();

    private ChainEncoding() {
    }

    /** The hash before the first link. */
    public static byte[] genesis() {
        return GENESIS.clone();
    }

    public static byte[] encode(RecordedEvent event) {
        byte[][] fields = {ascii(event.position()), utf8(event.eventId()), utf8(event.aggregateType()),
                utf8(event.aggregateId()), ascii(event.sequence()), utf8(event.timestamp()), utf8(event.payloadType()),
                utf8(event.payloadRevision()), event.payload(), event.metaData()};
        int size = 0;
        for (byte[] field : fields) {
            size += 4 + (field == null ? 0 : field.length);
        }
        // Written straight into an array of the exact size: this runs for every event a verification reads.
        byte[] encoding = new byte[size];
        int at = 0;
        for (byte[] field : fields) {
            int length = field == null ? -1 : field.length;
            encoding[at++] = (byte) (length >>> 24);
            encoding[at++] = (byte) (length >>> 16);
            encoding[at++] = (byte) (length >>> 8);
            encoding[at++] = (byte) length;
            if (field != null) {
                System.arraycopy(field, 0, encoding, at, field.length);
                at += field.length;
            }
        }
        return encoding;
    }

    /** The link hash of an event chained after {@code previous}. */
    public static byte[] link(byte[] previous, RecordedEvent event) {
        return link(sha256(), previous, encode(event));
    }

    /** The link hash of an event, given its {@linkplain #encode encoding}, with a digest that is reused. */
    static byte[] link(MessageDigest sha256, byte[] previous, byte[] encoding) {
        sha256.update(previous);
        sha256.update(encoding);
        return sha256.digest();
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HEX.formatHex(hash);
    }

    public static byte[] fromHex(String hash) {
        return HEX.parseHex(hash);
    }

    private static byte[] ascii(long number) {
        return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
