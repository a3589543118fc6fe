package org.paddock.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** HTTP to a Paddock on this machine, for the tests that start it as a process. */
public final class LocalHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private LocalHttp() {
    }

    public static HttpResponse<String> get(int port, String path) throws Exception {
        return send(request(port, path).GET().build());
    }

    /** A JSON body sent with an API token. */
    public static HttpResponse<String> post(int port, String path, String token, String json) throws Exception {
        return send(request(port, path).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
    }

    public static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until {@code /health/ready} answers {@code status}; fails after {@code within}. */
    public static void awaitReadiness(int port, int status, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            last = get(port, "/health/ready").statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("/health/ready answered " + last + ", not " + status + ", for " + within);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
