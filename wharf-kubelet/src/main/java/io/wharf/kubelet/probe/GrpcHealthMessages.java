package io.wharf.kubelet.probe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The wire form of {@code grpc.health.v1.Health/Check}: the two messages are one field each, so
 * they are written and read here by hand instead of pulling in protobuf and grpc-java for a probe.
 */
final class GrpcHealthMessages {
    /** HealthCheckResponse.ServingStatus by number. */
    private static final String[] SERVING_STATUS = {"UNKNOWN", "SERVING", "NOT_SERVING", "SERVICE_UNKNOWN"};
    /** gRPC status codes by number, spelled as Go's grpc prints them in "rpc error: code = ...". */
    private static final String[] CODES = {"OK", "Canceled", "Unknown", "InvalidArgument", "DeadlineExceeded", "NotFound",
            "AlreadyExists", "PermissionDenied", "ResourceExhausted", "FailedPrecondition", "Aborted", "OutOfRange",
            "Unimplemented", "Internal", "Unavailable", "DataLoss", "Unauthenticated"};
    static final int SERVING = 1;
    static final int DEADLINE_EXCEEDED = 4;
    static final int UNIMPLEMENTED = 12;
    static final int INTERNAL = 13;
    static final int UNAVAILABLE = 14;

    private GrpcHealthMessages() {
    }

    /** A length-prefixed, uncompressed HealthCheckRequest; field 1 (service) is left out when empty, as protobuf does. */
    static byte[] request(String service) {
        byte[] name = service.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        if (name.length > 0) {
            message.write(0x0A); // field 1, length-delimited
            writeVarint(message, name.length);
            message.writeBytes(name);
        }
        byte[] m = message.toByteArray();
        ByteArrayOutputStream framed = new ByteArrayOutputStream(5 + m.length);
        framed.write(0);
        framed.write(m.length >>> 24);
        framed.write(m.length >>> 16);
        framed.write(m.length >>> 8);
        framed.write(m.length);
        framed.writeBytes(m);
        return framed.toByteArray();
    }

    /**
     * HealthCheckResponse.status (field 1) of a length-prefixed response; 0 (UNKNOWN) when absent,
     * as protobuf defaults it. Fields this probe does not know are skipped.
     */
    static int servingStatus(byte[] framed) {
        if (framed.length < 5) {
            throw new IllegalArgumentException("the server sent no response message");
        }
        if (framed[0] != 0) {
            throw new IllegalArgumentException("the server compressed its response, which the probe did not ask for");
        }
        long length = ((framed[1] & 0xFFL) << 24) | ((framed[2] & 0xFF) << 16) | ((framed[3] & 0xFF) << 8) | (framed[4] & 0xFF);
        if (length != framed.length - 5) {
            throw new IllegalArgumentException("the response message is " + (framed.length - 5) + " bytes, its prefix says " + length);
        }
        int[] at = {5};
        int status = 0;
        while (at[0] < framed.length) {
            long key = readVarint(framed, at);
            int wireType = (int) (key & 7);
            if (key >>> 3 == 1 && wireType == 0) {
                status = (int) readVarint(framed, at); // the last occurrence wins, as in protobuf
                continue;
            }
            switch (wireType) {
                case 0 -> readVarint(framed, at);
                case 1 -> at[0] += 8;
                case 2 -> {
                    long skip = readVarint(framed, at);
                    if (skip > framed.length - at[0]) {
                        throw new IllegalArgumentException("truncated response message");
                    }
                    at[0] += (int) skip;
                }
                case 5 -> at[0] += 4;
                default -> throw new IllegalArgumentException("malformed response message (wire type " + wireType + ")");
            }
        }
        if (at[0] > framed.length) {
            throw new IllegalArgumentException("truncated response message");
        }
        return status;
    }

    static String servingStatusName(int status) {
        return status >= 0 && status < SERVING_STATUS.length ? SERVING_STATUS[status] : String.valueOf(status);
    }

    static String codeName(int code) {
        return code >= 0 && code < CODES.length ? CODES[code] : "Code(" + code + ")";
    }

    /** grpc-message is percent-encoded UTF-8 (the gRPC over HTTP/2 spec); a malformed escape is kept as it is. */
    static String decodeMessage(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (c == '%' && i + 2 < value.length() && isHex(value.charAt(i + 1)) && isHex(value.charAt(i + 2))) {
                out.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                out.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static void writeVarint(ByteArrayOutputStream out, int v) {
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static long readVarint(byte[] b, int[] at) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at[0] >= b.length) {
                throw new IllegalArgumentException("truncated response message");
            }
            int x = b[at[0]++] & 0xFF;
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("malformed varint in response message");
    }
}
