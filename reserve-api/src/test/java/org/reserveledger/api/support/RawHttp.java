package org.reserveledger.api.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests that HTTP clients refuse to send: malformed request
 * lines, raw bytes in headers, bodies shorter or longer than they declare.
 */
public final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RawHttp() {
    }

    /** Sends {@code request} as it is and reads the response until the server closes the connection. */
    public static Response exchange(int port, byte[] request) {
        return exchange(port, request, false);
    }

    /**
     * @param halfClose shut the sending side after the request, as a client that gives up on its body does
     */
    public static Response exchange(int port, byte[] request, boolean halfClose) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // The server may refuse and close before the whole request is sent; its answer is still there to read.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one response and then waits for the connection to close; {@code closed} says whether it did. */
    public static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean closed;
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, n);
            }
            closed = true;
        } catch (SocketTimeoutException e) {
            closed = false;
        } catch (IOException e) {
            // A reset after the response was sent still closes the connection.
            closed = true;
        }
        return Response.parse(bytes.toString(StandardCharsets.ISO_8859_1), closed);
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    public record Response(int status, Map<String, String> headers, String body, boolean closed, String raw) {

        static Response parse(String raw, boolean closed) {
            int end = raw.indexOf("\r\n\r\n");
            if (!raw.startsWith("HTTP/1.1 ") || end < 0) {
                return new Response(-1, Map.of(), "", closed, raw);
            }
            String[] lines = raw.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            String body = raw.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            return new Response(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8),
                    closed, raw);
        }

        private static String dechunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    break;
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            return body.toString();
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return raw.length() > 2000 ? raw.substring(0, 2000) + "..." : raw;
        }
    }
}
