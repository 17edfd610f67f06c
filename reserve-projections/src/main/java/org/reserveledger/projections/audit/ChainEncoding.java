package org.reserveledger.projections.audit;

import java.io.ByteArrayOutputStream;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + event.payload().length
                + (event.metaData() == null ? 0 : event.metaData().length));
        field(out, Long.toString(event.position()));
        field(out, event.eventId());
        field(out, event.aggregateType());
        field(out, event.aggregateId());
        field(out, Long.toString(event.sequence()));
        field(out, event.timestamp());
        field(out, event.payloadType());
        field(out, event.payloadRevision());
        field(out, event.payload());
        field(out, event.metaData());
        return out.toByteArray();
    }

    /** The link hash of an event chained after {@code previous}. */
    public static byte[] link(byte[] previous, RecordedEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        sha256.update(encode(event));
        return sha256.digest();
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HEX.formatHex(hash);
    }

    public static byte[] fromHex(String hash) {
        return HEX.parseHex(hash);
    }

    private static void field(ByteArrayOutputStream out, String value) {
        field(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        int length = value == null ? -1 : value.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        if (value != null) {
            out.writeBytes(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
