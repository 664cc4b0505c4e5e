package io.wharf.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One HTTP watch (newline-delimited JSON) against an {@link InProcessCluster}, read one event at a
 * time. Closing it drops the connection in the middle of the stream, as a client that goes away does.
 */
final class WatchStream implements AutoCloseable {
    private final HttpResponse<InputStream> response;
    private final BufferedReader reader;

    private WatchStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    static WatchStream open(InProcessCluster cluster, String path) throws Exception {
        // the request timeout only bounds the wait for the response head; the events come as they happen
        return new WatchStream(cluster.http.send(cluster.request(path).timeout(Duration.ofMinutes(5)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream()));
    }

    int status() {
        return response.statusCode();
    }

    /** The next event, or null once the server ended the stream. */
    JsonNode next() throws IOException {
        String line = reader.readLine();
        return line == null ? null : Json.parse(line.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
