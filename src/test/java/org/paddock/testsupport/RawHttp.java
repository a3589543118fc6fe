package org.paddock.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte over a socket, for requests no HTTP library will send: a raw NUL or
 * broken percent-escape in the address, bytes that are not UTF-8, a chunked body past the limit. Every
 * request closes its connection and is answered within {@code bound} or counted as hung.
 */
public final class RawHttp {

    /** What came back; {@code status} 0 when nothing did within the bound. */
    public record Answer(int status, Map<String, String> headers, String body, Duration took) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final String host;
    private final int port;
    private final Duration bound;

    public RawHttp(URL base, Duration bound) {
        this.host = base.getHost();
        this.port = base.getPort();
        this.bound = bound;
    }

    /** Sends {@code method target} with the headers (name → value) and body given, chunked if asked. */
    public Answer send(String method, String target, Map<String, String> headers, byte[] body, boolean chunked)
            throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout((int) bound.toMillis());
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(':').append(port).append("\r\nConnection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                if (body != null && chunked) {
                    for (int i = 0; i < body.length; i += 65_536) {
                        int n = Math.min(65_536, body.length - i);
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(body, i, n);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } else if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException refusedEarly) {
                // the server answered (413) and closed before the whole body was sent: read its answer
            }
            return read(socket.getInputStream(), start);
        } catch (SocketTimeoutException e) {
            return new Answer(0, Map.of(), "no answer within " + bound, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private Answer read(InputStream in, long start) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                all.write(buf, 0, n);
                if (System.nanoTime() - start > bound.toNanos()) {
                    break;
                }
            }
        } catch (java.net.SocketException reset) {
            // a server that answered and then reset the connection: keep what came
        }
        byte[] bytes = all.toByteArray();
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) {
            return new Answer(0, Map.of(), all.toString(StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - start));
        }
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            int i = end + 4;
            byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
            for (int eol = indexOf(bytes, crlf, i); eol > 0; eol = indexOf(bytes, crlf, i)) {
                int size = Integer.parseInt(new String(bytes, i, eol - i, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
                if (size == 0) {
                    break;
                }
                body.write(bytes, eol + 2, Math.min(size, bytes.length - eol - 2));
                i = eol + 2 + size + 2;
            }
        } else {
            body.write(bytes, end + 4, bytes.length - end - 4);
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static int indexOf(byte[] in, byte[] what, int from) {
        outer:
        for (int i = from; i <= in.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
